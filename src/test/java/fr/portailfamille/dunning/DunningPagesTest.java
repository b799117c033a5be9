package fr.portailfamille.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages of the reminders: the family's « Facturation » shows its own invoice's reminders and no
 * other family's; the finances' late invoices with the age, activity and family filters and the
 * totals; the staff family page lists the reminders sent; the day's letters as a PDF.
 */
class DunningPagesTest extends PortalIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2031, 3, 3);

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired UnpaidInvoiceStarter starter;
    @Autowired RuntimeService runtime;
    @Autowired PasswordEncoder encoder;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachFamilySeesItsOwnReminders_theFinancesSeeTheLateInvoices() {
        DunningFixtures data = new DunningFixtures(jdbc, transaction, events, starter, runtime);
        at(DUE.minusDays(20).atTime(10, 0));
        long reminded = data.family("RAPPELEE", true);
        String username = data.account(reminded, encoder.encode("Relances-Famille-2031"));
        PendingInvoice invoice = data.invoice(reminded, DUE, "38.60");
        long other = data.family("VOISINE", true);
        String otherUsername = data.account(other, encoder.encode("Relances-Voisine-2031"));
        PendingInvoice otherInvoice = data.invoice(other, DUE, "11.00");
        ProcessInstance pi = data.follow(invoice);
        data.follow(otherInvoice);
        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());
        ClockUtil.reset();

        WebSession family = session();
        family.login(username, "Relances-Famille-2031");
        WebSession neighbour = session();
        neighbour.login(otherUsername, "Relances-Voisine-2031");
        WebSession finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));

        at(LocalDate.of(2031, 3, 20).atTime(10, 0));
        WebSession.Page page = family.get("/facturation");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("#facture-" + invoice.id() + " .invoice-follow-up").text())
                .isEqualTo("1re relance envoyée par courriel le 13/03/2031");
        WebSession.Page neighbours = neighbour.get("/facturation");
        assertThat(neighbours.text()).contains(otherInvoice.number()).doesNotContain(invoice.number()).doesNotContain("relance envoyée");

        // the late invoices: 17 days late, in the 0-30 band, found by family number and by activity
        List<String> rows = lateRows(finances, "");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(invoice.number(), "RAPPELEE", "Restauration scolaire", "03/03/2031",
                " 17 ", "38,60 €", "relances en cours", "1re relance le 13/03/2031"));
        assertThat(lateRows(finances, "?anciennete=0-30&famille=" + data.numberOf(reminded)))
                .singleElement().asString().contains(invoice.number());
        assertThat(lateRows(finances, "?anciennete=31-60&famille=" + data.numberOf(reminded))).isEmpty();
        assertThat(lateRows(finances, "?famille=rappelee&activite=Restauration+scolaire")).anySatisfy(r -> assertThat(r).contains(invoice.number()));
        assertThat(lateRows(finances, "?famille=rappelee&activite=Centre+de+loisirs")).isEmpty();
        WebSession.Page filtered = finances.get("/agent/relances?famille=" + data.numberOf(reminded));
        assertThat(filtered.doc().select("table").first().text()).contains("0 à 30 jours 1 38,60 €", "31 à 60 jours 0 0,00 €");
        assertThat(filtered.doc().select("caption").text()).contains("1 facture(s) impayée(s), reste dû 38,60 €");

        // the staff family page: the reminders sent
        Element section = finances.get("/agent/dossiers/" + data.numberOf(reminded)).doc().selectFirst("section:has(h2#relances)");
        assertThat(section).isNotNull();
        assertThat(section.text()).contains("13/03/2031", invoice.number(), "1re relance", "par courriel", "38,60 €");

        // the day's letters (none that day for these families: both have an e-mail address), and a bad day is a 400
        WebSession.Page letters = finances.get("/agent/relances/courriers.pdf?jour=2031-03-13");
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.header("Content-Type")).startsWith("application/pdf");
        assertThat(finances.get("/agent/relances/courriers.pdf?jour=99999-01-01").status()).isEqualTo(400);
    }

    private static List<String> lateRows(WebSession finances, String query) {
        WebSession.Page page = finances.get("/agent/relances" + query);
        assertThat(page.status()).isEqualTo(200);
        return page.doc().select("table.late-invoices tbody tr").stream().map(e -> " " + e.text() + " ").toList();
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(PortalTime.ZONE).toInstant()));
    }
}
