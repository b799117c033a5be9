package fr.portailfamille.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /agent/facturation/{run}}: each family of a run beside its previous month, the anomalies first. */
class RunReviewPageTest extends PortalIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000);

    @Autowired JdbcTemplate jdbc;

    private long family(String name) {
        return jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                "R" + SEQUENCE.incrementAndGet(), name);
    }

    private void invoice(Long runId, long family, String month, String state, String total) {
        boolean published = !state.equals("DRAFT");
        jdbc.update("""
                insert into invoice (billing_run_id, family_file_id, family_number, family_name, month, state, total, quotient, number, pdf)
                select ?, id, number, name, ?, ?, ?::numeric, 850, ?, ? from family_file where id = ?""", runId, month, state, total,
                published ? "TEST-" + SEQUENCE.incrementAndGet() : null, published ? "%PDF".getBytes() : null, family);
    }

    @Test
    void financesSeeEachFamilyOfARunWithItsAnomalies() {
        String tag = String.valueOf(SEQUENCE.incrementAndGet());
        long runId = jdbc.queryForObject("insert into billing_run (month, state) values ('2021-06', 'REVIEW') returning id", Long.class);
        long zero = family("ZERO" + tag);
        long up = family("HAUSSE" + tag);
        long gone = family("PARTIE" + tag);
        long steady = family("STABLE" + tag);
        invoice(runId, zero, "2021-06", "DRAFT", "0");
        invoice(null, up, "2021-05", "PAID", "10.00");
        invoice(runId, up, "2021-06", "DRAFT", "60.00");
        invoice(null, gone, "2021-05", "PENDING", "30.00");
        invoice(null, steady, "2021-05", "PAID", "11.00");
        invoice(runId, steady, "2021-06", "DRAFT", "12.50");

        WebSession finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));
        assertThat(finances.get("/agent/facturation").doc().select("a[href=/agent/facturation/" + runId + "]")).isNotEmpty();
        var page = finances.get("/agent/facturation/" + runId);
        assertThat(page.status()).isEqualTo(200);
        List<String> rows = page.doc().select("tbody tr").stream().map(Element::text).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(0, 3)).anySatisfy(r -> assertThat(r).contains("ZERO" + tag, "0,00 €", "facturée 0 €"))
                .anySatisfy(r -> assertThat(r).contains("HAUSSE" + tag, "60,00 €", "10,00 €", "en forte hausse"))
                .anySatisfy(r -> assertThat(r).contains("PARTIE" + tag, "30,00 €", "pas de facture ce mois-ci"));
        assertThat(rows.get(3)).contains("STABLE" + tag, "12,50 €", "11,00 €").endsWith("–");
        assertThat(page.text()).contains("Anomalies à regarder 3");

        assertThat(finances.get("/agent/facturation/999999999").status()).isEqualTo(404);
    }
}
