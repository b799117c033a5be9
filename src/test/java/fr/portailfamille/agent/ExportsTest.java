package fr.portailfamille.agent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CSV exports byte for byte as LibreOffice reads them (UTF-8 with its byte-order mark so the
 * accents stay, semicolons, decimal commas, CRLF), each to its groups, a service's rows only.
 */
class ExportsTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    @Test
    void financesDownloadTheMonthsInvoicesWithAccentsAndFrenchDecimals() {
        AgentFamilies.Family family = AgentFamilies.create(jdbc);
        String month = "2022-0" + (1 + family.fileId() % 9);
        jdbc.update("""
                insert into invoice (family_file_id, family_number, family_name, month, number, state, total, paid_amount, pdf, issued_on)
                values (?, ?, ?, ?, ?, 'PENDING', 1234.5, 0, ?, date '2022-10-01')""", family.fileId(), family.number(), family.name(),
                month, "EXP-" + family.number(), "%PDF".getBytes());

        WebSession finances = agent("finances");
        Page page = finances.get("/agent/exports/factures.csv?mois=" + month);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/csv").contains("UTF-8");
        assertThat(page.header("content-disposition")).contains("attachment").contains("factures-" + month + ".csv");
        byte[] csv = finances.bytes("/agent/exports/factures.csv?mois=" + month);
        assertThat(Arrays.copyOf(csv, 3)).as("the UTF-8 byte-order mark first").isEqualTo(BOM);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Facture;Dossier;Famille;État;Quotient familial;Montant (€);Payé (€);Émise le;Échéance\r\n");
        assertThat(text).contains("EXP-" + family.number() + ";" + family.number() + ";" + family.name() + ";en attente;;1234,50;0,00;01/10/2022;\r\n");
        // « É » of LÉGER as its two UTF-8 bytes, never as a Latin-1 byte
        assertThat(new String(csv, StandardCharsets.ISO_8859_1)).contains("L\u00c3\u0089GER");

        assertThat(finances.get("/agent/exports/paiements.csv?mois=" + month).status()).isEqualTo(200);
        assertThat(finances.get("/agent/exports/factures.csv?mois=2022-13").text()).contains("Choisissez un mois entre 2000 et 2100");
        assertThat(agent("enfance").get("/agent/exports/factures.csv?mois=" + month).status()).isEqualTo(404);
    }

    @Test
    void aServiceExportsOnlyItsActivitiesRows() {
        AgentFamilies.Family family = AgentFamilies.create(jdbc);
        String thisMonth = YearMonth.now().toString();
        String enfanceRegistrations = csv(agent("enfance"), "/agent/exports/inscriptions.csv");
        assertThat(enfanceRegistrations).contains(family.number() + ";" + family.name() + ";" + family.name() + ";" + family.elder().split(" ")[0]
                + ";02/04/2016;Centre de loisirs;mercredi;");
        assertThat(enfanceRegistrations).doesNotContain("Restauration scolaire");

        String canteen = csv(agent("restauration"), "/agent/exports/reservations.csv?mois=" + thisMonth);
        assertThat(canteen).contains("Restauration scolaire;").contains(family.younger().split(" ")[0]).doesNotContain("Centre de loisirs");
        assertThat(csv(agent("enfance"), "/agent/exports/reservations.csv?mois=" + thisMonth)).doesNotContain(family.younger().split(" ")[0]);
        assertThat(csv(agent("guichet"), "/agent/exports/reservations.csv?mois=" + thisMonth)).contains(family.younger().split(" ")[0]);
    }

    @Test
    void aFamilyDownloadsNothing() {
        WebSession parent = session();
        parent.login("dupont", "Portail-Demo-2026");
        assertThat(parent.get("/agent/exports/inscriptions.csv").isRedirectTo("/agent/connexion")).isTrue();
    }

    private String csv(WebSession agent, String path) {
        byte[] bytes = agent.bytes(path);
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
}
