package fr.portailfamille.registration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.activity.Activities;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole story in a real Chromium: the demo family pre-registers Léa, sees the yellow line;
 * agent « enfance » validates the task through the REST API the way Tasklist does; the line turns
 * green and the family receives the mail.
 */
class PreRegistrationBrowserTest extends PortalIntegrationTest {

    @Autowired FamilyFiles families;
    @Autowired Activities activities;
    @Autowired RegistrationRepository repository;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void demoFamilyPreRegistersLeaAndTheServiceValidatesIt() throws Exception {
        ChildSummary lea = families.findByNumber("100123").orElseThrow().children().stream()
                .filter(c -> c.firstName().equals("Léa")).findFirst().orElseThrow();
        // « Accueil périscolaire soir », or the morning one if an earlier run on a shared database already registered her
        String activityName = liveRegistration(lea.id(), "PERISCOLAIRE_SOIR") ? "Accueil périscolaire matin" : "Accueil périscolaire soir";
        String activityCode = activityName.endsWith("soir") ? "PERISCOLAIRE_SOIR" : "PERISCOLAIRE_MATIN";

        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");
            page.navigate("/inscriptions");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inscriptions").setExact(true))).isVisible();
            Browser.assertAccessible(page);

            page.getByLabel("Activité", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Accueil périscolaire – " + activityName));
            page.getByLabel("Enfant", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Léa DUPONT"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inscrire")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inscrire Léa DUPONT"))).isVisible();
            assertThat(page.getByText("Accueil périscolaire", new Page.GetByTextOptions().setExact(true))).isVisible();
            Browser.assertAccessible(page);
            page.getByLabel("lundi", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("jeudi", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

            assertThat(page).hasURL(BASE_URL + "/inscriptions");
            Locator line = page.locator("table.registration-lines tr").filter(new Locator.FilterOptions().setHasText("Léa DUPONT"))
                    .filter(new Locator.FilterOptions().setHasText(activityName));
            assertThat(line.locator(".status-pending")).hasText("en attente de validation");
            Browser.assertAccessible(page);

            Registration registration = repository.findByChildIdAndState(lea.id(), RegistrationState.PENDING).stream()
                    .filter(r -> r.getActivityId() == activities.findByCode(activityCode).orElseThrow().id()).findFirst().orElseThrow();

            // agent « enfance » finds the task of its service and submits the form as Tasklist does
            WebSession rest = session();
            JsonNode found = json.readTree(rest.send(basic("/engine-rest/task?candidateGroup=enfance&processInstanceId=" + registration.getProcessInstanceId())
                    .GET()).body());
            org.assertj.core.api.Assertions.assertThat(found).hasSize(1);
            String taskId = found.get(0).get("id").asText();
            String formVariables = rest.send(basic("/engine-rest/task/" + taskId + "/form-variables").GET()).body();
            org.assertj.core.api.Assertions.assertThat(formVariables).contains("Léa DUPONT").contains("lundi, jeudi").doesNotContain("non renseigné");

            WebSession.Page noReason = rest.send(basic("/engine-rest/task/" + taskId + "/submit-form").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"}}}")));
            org.assertj.core.api.Assertions.assertThat(noReason.status()).isGreaterThanOrEqualTo(400);
            org.assertj.core.api.Assertions.assertThat(noReason.body()).contains("Indiquez le motif du refus");

            WebSession.Page approved = rest.send(basic("/engine-rest/task/" + taskId + "/submit-form").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}")));
            org.assertj.core.api.Assertions.assertThat(approved.status()).as(approved.body()).isIn(200, 204);
            jobs().executeDue(repository.findById(registration.getId()).orElseThrow().getProcessInstanceId());

            page.reload();
            assertThat(line.locator(".status-ok")).hasText("validée");
            org.assertj.core.api.Assertions.assertThat(mailbox().await("famille.dupont@example.org", "Pré-inscription validée : " + activityName).text())
                    .contains("Léa DUPONT").contains("validée");
        }
    }

    private boolean liveRegistration(long childId, String activityCode) {
        long activityId = activities.findByCode(activityCode).orElseThrow().id();
        return repository.liveOfChild(childId).stream()
                .anyMatch(r -> r.getActivityId() == activityId);
    }

    private HttpRequest.Builder basic(String path) {
        String token = Base64.getEncoder().encodeToString("enfance:demo".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(session().uri(path)).header("Authorization", "Basic " + token).header("Accept", "application/json");
    }
}
