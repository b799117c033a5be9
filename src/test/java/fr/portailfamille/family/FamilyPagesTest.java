package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** « Mon dossier » at a glance, the info sign published by the Guichet Unique, and what FamilyFiles tells other modules. */
class FamilyPagesTest extends PortalIntegrationTest {

    @Autowired
    FamilyFixtures families;

    @Autowired
    FamilyFiles familyFiles;

    @Autowired
    ChildCareService care;

    @Test
    void monDossierShowsTheFamilyAtAGlanceWithItsRegistrationLines() {
        WebSession dupont = session();
        dupont.login("dupont", "Portail-Demo-2026");

        Page page = dupont.get("/dossier");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").text()).isEqualTo("Mon dossier");
        assertThat(page.text()).contains("Famille DUPONT").contains("100123").contains("12 rue des Écoles, 59210 Belcourt")
                .contains("Mme Marie DUPONT").contains("850 €").contains("Hugo DUPONT").contains("Léa DUPONT").contains("Chloé DUPONT");
        assertThat(page.doc().select(".dossier-menu a").eachText()).containsExactly("Vue d'ensemble", "Enfants", "Coordonnées", "Documents",
                "Quotient familial CAF / MSA"); // the last one while API Particulier is configured (the fake one in tests)
        assertThat(page.doc().select("#factures-en-attente").text()).contains("Factures en attente")
                .containsPattern("Facture FA-\\d{4}-\\d{6} – .* à payer avant le"); // the demo's pending invoice (billing)
        // the demo's validated registrations (registration module), in green
        assertThat(page.doc().select("#pre-inscriptions li.status-ok").eachText())
                .anyMatch(line -> line.contains("Léa DUPONT") && line.contains("Centre de loisirs") && line.contains("validée"))
                .anyMatch(line -> line.contains("Hugo DUPONT") && line.contains("Restauration scolaire"));
        assertThat(page.doc().select(".tabs a[aria-current=page]").text()).isEqualTo("Mon dossier");
        assertThat(dupont.get("/dossier/enfants").doc().select(".child-list a").eachText())
                .containsExactly("Hugo DUPONT", "Léa DUPONT", "Chloé DUPONT");
    }

    @Test
    void theGuichetUniquePublishesAndWithdrawsAHelpMessageThatFamiliesSeeEscaped() {
        TestFamily family = families.create("Aide");
        WebSession agent = staff("guichet");
        assertThat(agent.get("/agent").doc().select("a[href=/agent/aide]").text()).contains("Messages d'aide du portail");
        Page help = agent.get("/agent/aide");
        assertThat(help.status()).isEqualTo(200);

        Page refused = agent.submit(help, "form#publier-aide", Map.of("pagePath", "pas une page", "message", "Bonjour"));
        assertThat(refused.doc().getElementById("pagePath-erreur").text()).contains("l'adresse d'une page du portail");
        assertThat(refused.doc().getElementById("message").text()).isEqualTo("Bonjour");

        Page published = agent.follow(agent.submit(refused, "form#publier-aide",
                Map.of("pagePath", "/dossier/coordonnees", "message", "Pensez à <b>vérifier</b> votre e-mail.")));
        assertThat(published.text()).contains("Le message est publié").contains("/dossier/coordonnees");

        WebSession familySession = session();
        familySession.login(family.username(), FamilyFixtures.PASSWORD);
        Page contacts = familySession.get("/dossier/coordonnees");
        assertThat(contacts.doc().select("details.help-sign summary").text()).isEqualTo("i Aide du Guichet Unique");
        assertThat(contacts.doc().select("details.help-sign .help-text").text()).isEqualTo("Pensez à <b>vérifier</b> votre e-mail.");
        assertThat(contacts.body()).contains("&lt;b&gt;vérifier");
        assertThat(familySession.get("/dossier/enfants").doc().select("details.help-sign")).as("only on its page").isEmpty();

        agent.follow(agent.submit(agent.get("/agent/aide"), "form[action$=/agent/aide/retrait]", Map.of("pagePath", "/dossier/coordonnees")));
        assertThat(familySession.get("/dossier/coordonnees").doc().select("details.help-sign")).isEmpty();
    }

    @Test
    void onlyTheGuichetUniqueManagesHelpMessages() {
        WebSession agent = staff("enfance");
        assertThat(agent.get("/agent").doc().select("a[href=/agent/aide]")).isEmpty();
        assertThat(agent.get("/agent/aide").status()).isEqualTo(403);
    }

    @Test
    void otherModulesReadTheQuotientTheHealthAlertsAndTheDocumentTypes() {
        TestFamily family = families.create("Api");
        FamilyForms.HealthSheetForm sheet = new FamilyForms.HealthSheetForm();
        sheet.setPai(true);
        sheet.setPaiDetails("Asthme : ventoline dans le sac");
        sheet.setAllergies("arachides");
        care.saveHealthSheet(family.childId(), sheet);

        assertThat(familyFiles.healthAlerts(family.childId())).satisfies(alerts -> {
            assertThat(alerts.any()).isTrue();
            assertThat(alerts.pai()).isTrue();
            assertThat(alerts.allergies()).isEqualTo("arachides");
        });
        long dupont = familyFiles.findByNumber("100123").orElseThrow().id();
        assertThat(familyFiles.quotientFamilial(dupont, LocalDate.of(2026, 6, 1))).hasValueSatisfying(q -> assertThat(q.value()).isEqualTo(850));
        assertThat(familyFiles.quotientFamilial(family.fileId(), LocalDate.of(2026, 6, 1))).isEmpty();
        assertThat(familyFiles.supportingDocumentTypes(family.fileId(), LocalDate.now()).present()).isEmpty();
    }

    private WebSession staff(String user) {
        WebSession agent = session();
        Page login = agent.get("/agent/connexion");
        agent.follow(agent.submit(login, "form", Map.of("username", user, "password", "demo")));
        return agent;
    }
}
