package fr.portailfamille.family;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo family in Chromium: edits a phone, fills a health sheet, uploads a PDF; the agent
 * « guichet » accepts it like Tasklist does (engine REST API, Basic auth); the family sees « accepté ».
 */
class FamilyFileBrowserTest extends PortalIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoFamilyUpdatesItsFileAndSeesItsDocumentAccepted() {
        String phoneBefore = jdbc.sql("select mobile_phone from guardian where email = 'famille.dupont@example.org'").query(String.class).single();
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");
            page.locator("#tuile-dossier").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon dossier"))).isVisible();
            assertThat(page.locator("#factures-en-attente")).containsText("à payer avant le"); // the demo's pending invoice (billing)
            Browser.assertAccessible(page);

            // coordonnées: a new mobile phone for Marie
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coordonnées")).click();
            page.locator("#g0-mobile").fill("06 12 ab");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mes coordonnées")).click();
            assertThat(page.locator("#g0-mobile-erreur")).containsText("numéro de téléphone français");
            Browser.assertAccessible(page);
            page.locator("#g0-mobile").fill("06 12 34 56 79");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mes coordonnées")).click();
            assertThat(page.getByText("Vos coordonnées sont enregistrées.")).isVisible();
            assertThat(page.locator("table")).containsText("06 12 34 56 79");
            Browser.assertAccessible(page);

            // enfants: Chloé's health sheet
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enfants").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chloé DUPONT")).click();
            page.getByLabel("Allergies").fill("Pollen de graminées");
            page.getByLabel("Médecin traitant").fill("Dr Lefèvre");
            page.getByLabel("Téléphone du médecin").fill("03 20 12 34 56");
            page.getByLabel("Vaccinations à jour").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la fiche sanitaire")).click();
            assertThat(page.getByText("La fiche sanitaire est enregistrée.")).isVisible();
            assertThat(page.getByLabel("Allergies")).hasValue("Pollen de graminées");
            Browser.assertAccessible(page);

            // documents: a PDF certificate
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents").setExact(true)).click();
            page.getByLabel("Type de justificatif").selectOption("ASSURANCE");
            page.getByLabel("Fichier").setInputFiles(new FilePayload("assurance-scolaire.pdf", "application/pdf", FamilyFileAccessTest.PDF));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer").setExact(true)).click();
            assertThat(page.getByText("Votre justificatif est envoyé")).isVisible();
            Locator row = page.locator("#liste-justificatifs tr", new Page.LocatorOptions().setHasText("assurance-scolaire.pdf")).first();
            assertThat(row).containsText("à vérifier");
            Browser.assertAccessible(page);

            acceptAsGuichet(latestDocumentOfDupont());

            page.reload();
            assertThat(page.locator("#liste-justificatifs tr", new Page.LocatorOptions().setHasText("assurance-scolaire.pdf")).first())
                    .containsText("accepté");
        } finally {
            jdbc.sql("update guardian set mobile_phone = ? where email = 'famille.dupont@example.org'").param(phoneBefore).update();
        }
    }

    private long latestDocumentOfDupont() {
        return jdbc.sql("""
                select d.id from supporting_document d join family_file f on f.id = d.family_file_id
                where f.number = '100123' and d.file_name = 'assurance-scolaire.pdf' order by d.id desc limit 1""")
                .query(Long.class).single();
    }

    /** What Tasklist does for agent « guichet »: find the task of this document, complete it with the form's values. */
    private void acceptAsGuichet(long documentId) {
        WebSession agent = session();
        String basic = "Basic " + Base64.getEncoder().encodeToString("guichet:demo".getBytes(StandardCharsets.UTF_8));
        var tasks = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/task?processInstanceBusinessKeyLike=" + String.format("DOC-%06d%%25", documentId)))
                .header("Authorization", basic).header("Accept", "application/json").GET());
        org.assertj.core.api.Assertions.assertThat(tasks.body()).contains("Vérifier un justificatif");
        String taskId = tasks.body().replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        String processId = tasks.body().replaceAll("(?s).*\"processInstanceId\":\"([^\"]+)\".*", "$1");
        var completed = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", basic).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"approved\": {\"value\": true, \"type\": \"Boolean\"}}}")));
        org.assertj.core.api.Assertions.assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        jobs().executeDue(processId);
        mailbox().await("famille.dupont@example.org", "Votre justificatif a été accepté");
    }
}
