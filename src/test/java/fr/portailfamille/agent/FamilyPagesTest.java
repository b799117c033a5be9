package fr.portailfamille.agent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The family search and the family's page through the staff realm, with each group: the Guichet
 * Unique sees every file and health sheet, a service only its families and their children's health,
 * finances the files without health; every health sheet shown is recorded and listed to the
 * administrators; a family reaches none of it.
 */
class FamilyPagesTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    private AgentFamilies.Family family;

    @BeforeEach
    void aFamily() {
        family = AgentFamilies.create(jdbc);
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        Page home = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        assertThat(home.url()).endsWith("/agent");
        return agent;
    }

    private static Page search(WebSession agent, String typed) {
        return agent.get("/agent/dossiers?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    }

    private boolean finds(WebSession agent, String typed) {
        Page page = search(agent, typed);
        assertThat(page.status()).as(typed).isEqualTo(200);
        return !page.doc().select("ul.results a[href=/agent/dossiers/" + family.number() + "]").isEmpty();
    }

    private int healthReads(String user, long childId) {
        return jdbc.queryForObject("select count(*) from health_sheet_read where staff_user = ? and child_id = ?", Integer.class,
                user, childId);
    }

    @Test
    void theGuichetUniqueFindsAFamilyByEachKeyAndSeesItsWholePage() {
        WebSession guichet = agent("guichet");
        assertThat(finds(guichet, family.number())).as("by file number").isTrue();
        assertThat(finds(guichet, family.name().toLowerCase())).as("by name, any case").isTrue();
        assertThat(finds(guichet, family.name().replace("É", "E"))).as("by name without its accent").isTrue();
        assertThat(finds(guichet, family.elder())).as("by a child's first and last name").isTrue();
        assertThat(finds(guichet, family.younger().split(" ")[0])).as("by a child's first name").isTrue();
        assertThat(finds(guichet, family.email().toUpperCase())).as("by e-mail").isTrue();
        assertThat(search(guichet, "personne-inconnue-xyz").text()).contains("Aucune famille trouvée");

        // the page by its file number, and by the internal id the older task links carry
        Page page = guichet.get("/agent/dossiers/" + family.number());
        assertThat(page.status()).isEqualTo(200);
        assertThat(guichet.get("/agent/dossiers/" + family.fileId()).text()).contains("Dossier famille n° " + family.number());
        String text = page.text();
        assertThat(text).contains("Dossier famille n° " + family.number(), "Mme Hélène " + family.name(), family.email(),
                "3 rue Haute, 59210 Belcourt");
        assertThat(text).contains(family.elder(), "Arachide", "PAI", "oui : Trousse au bureau", "Josette MARTIN (grand-mère)");
        assertThat(text).contains(family.younger(), "Kiwi", "Sans porc");
        // registrations, this month's bookings, invoices and balance, payments, messages, history
        assertThat(page.doc().getElementById("inscriptions").parent().text()).contains("Centre de loisirs", "mercredi", "validée");
        assertThat(page.doc().getElementById("reservations").parent().text()).contains("Restauration scolaire", "réservé");
        assertThat(page.doc().getElementById("factures").parent().text()).contains("Reste à payer : 0,00 €");
        assertThat(page.doc().getElementById("paiements")).isNotNull();
        assertThat(page.doc().getElementById("messages")).isNotNull();
        assertThat(page.doc().getElementById("demarches")).isNotNull();
        // the page was shown twice: each showing of a health sheet is recorded
        assertThat(healthReads("guichet", family.elderId())).isEqualTo(2);
        assertThat(healthReads("guichet", family.youngerId())).isEqualTo(2);
    }

    @Test
    void aServiceSeesOnlyItsFamiliesAndTheHealthOfItsChildren() {
        WebSession enfance = agent("enfance");
        assertThat(finds(enfance, family.number())).isTrue();
        Page page = enfance.get("/agent/dossiers/" + family.number());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Arachide").doesNotContain("Kiwi").doesNotContain("Sans porc")
                .contains("Fiche sanitaire : réservée au Guichet Unique et aux services où l'enfant est inscrit.");
        assertThat(healthReads("enfance", family.elderId())).isEqualTo(1);
        assertThat(healthReads("enfance", family.youngerId())).isZero();

        WebSession restauration = agent("restauration");
        assertThat(restauration.get("/agent/dossiers/" + family.number()).text()).contains("Kiwi").doesNotContain("Arachide");

        // a family with nothing at the canteen: invisible to restauration, in the search and by its page
        long other = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                "8" + family.number().substring(1), "SANSCANTINE-" + family.number());
        assertThat(search(restauration, "SANSCANTINE-" + family.number()).text()).contains("Aucune famille trouvée");
        assertThat(restauration.get("/agent/dossiers/" + other).status()).isEqualTo(403);
        assertThat(enfance.get("/agent/dossiers/" + other).status()).isEqualTo(403);
        assertThat(agent("guichet").get("/agent/dossiers/" + other).status()).isEqualTo(200);
    }

    @Test
    void financesSeeEveryFileButNoHealthSheet() {
        WebSession finances = agent("finances");
        assertThat(finds(finances, family.name())).isTrue();
        Page page = finances.get("/agent/dossiers/" + family.number());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(family.elder(), "Reste à payer").doesNotContain("Arachide").doesNotContain("Kiwi")
                .contains("Enregistrer un paiement au guichet");
        assertThat(healthReads("finances", family.elderId()) + healthReads("finances", family.youngerId())).isZero();
    }

    @Test
    void theGuichetUniqueSetsTheFamilysSchemeWhichIsKeptInTheHistory() {
        WebSession guichet = agent("guichet");
        Page page = guichet.get("/agent/dossiers/" + family.number());
        assertThat(page.doc().getElementById("famille").parent().text()).contains("Régime allocataire : Non précisé");
        assertThat(page.doc().select("#regime option").eachText()).containsExactly("Non précisé", "CAF", "MSA", "Autre régime");

        Page saved = guichet.follow(guichet.submit(page, "form[action$=/regime]", Map.of("regime", "MSA")));
        assertThat(saved.text()).contains("Le régime est enregistré : MSA.");
        assertThat(saved.doc().getElementById("famille").parent().text()).contains("Régime allocataire : MSA");
        assertThat(saved.doc().select("#regime option[selected]").text()).isEqualTo("MSA");
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, family.fileId())).isEqualTo("MSA");
        assertThat(jdbc.queryForMap("select changed_by, old_value, new_value from contact_change where family_file_id = ? and field = 'régime'",
                family.fileId())).containsEntry("changed_by", "guichet").containsEntry("old_value", "Non précisé").containsEntry("new_value", "MSA");

        // the same again records nothing; « Non précisé » sets it back to none
        guichet.submit(guichet.get("/agent/dossiers/" + family.number()), "form[action$=/regime]", Map.of("regime", "MSA"));
        guichet.submit(guichet.get("/agent/dossiers/" + family.number()), "form[action$=/regime]", Map.of("regime", ""));
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, family.fileId())).isNull();
        assertThat(jdbc.queryForObject("select count(*) from contact_change where family_file_id = ? and field = 'régime'", Integer.class,
                family.fileId())).isEqualTo(2);

        // a value not offered: a French message, nothing changed
        Page wrong = guichet.submit(guichet.get("/agent/dossiers/" + family.number()), "form[action$=/regime]", Map.of("regime", "SECU"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.text()).contains("Choisissez CAF, MSA, Autre régime ou Non précisé.");
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, family.fileId())).isNull();
    }

    @Test
    void onlyTheGuichetUniqueChangesTheScheme() {
        for (String user : new String[] {"enfance", "finances"}) {
            WebSession agent = agent(user);
            Page page = agent.get("/agent/dossiers/" + family.number());
            assertThat(page.text()).as(user).contains("Régime allocataire : Non précisé");
            assertThat(page.doc().select("form[action$=/regime]")).as(user + " has no form").isEmpty();
            String csrf = agent.get("/agent").doc().selectFirst("input[name=_csrf]").attr("value");
            Page refused = agent.postForm("/agent/dossiers/" + family.number() + "/regime", Map.of("_csrf", csrf, "regime", "CAF"));
            assertThat(refused.status()).as(user).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, family.fileId())).isNull();
    }

    @Test
    void administratorsSeeWhoReadWhichHealthSheet() {
        agent("enfance").get("/agent/dossiers/" + family.number());
        Page reads = agent("admin").get("/agent/fiches-sanitaires/consultations");
        assertThat(reads.status()).isEqualTo(200);
        assertThat(reads.doc().select("tbody tr").stream().map(r -> r.text())
                .filter(row -> row.contains(family.elder()))).anySatisfy(row -> assertThat(row).contains("enfance", family.number()));
        assertThat(agent("guichet").get("/agent/fiches-sanitaires/consultations").status()).isEqualTo(403);
    }

    @Test
    void aFamilyReachesNoneOfIt() {
        WebSession parent = session();
        parent.login("dupont", "Portail-Demo-2026");
        for (String path : new String[] {"/agent/dossiers?q=" + family.number(), "/agent/dossiers/" + family.number(),
                "/agent/fiches-sanitaires/consultations"}) {
            assertThat(parent.get(path).isRedirectTo("/agent/connexion")).as(path).isTrue();
        }
        assertThat(healthReads("dupont", family.elderId())).isZero();
    }

    @Test
    void unknownOrMalformedFilesAreNotFound() {
        WebSession guichet = agent("guichet");
        assertThat(guichet.get("/agent/dossiers/999999999").status()).isEqualTo(404);
        assertThat(guichet.get("/agent/dossiers/abc").status()).isEqualTo(404);
        assertThat(search(guichet, "x".repeat(150)).text()).contains("Saisissez au plus 100 caractères.");
    }
}
