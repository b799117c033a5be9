package fr.portailfamille.registration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.portailfamille.activity.Activities;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StaffBrowser;
import fr.portailfamille.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Historique des demandes », our Cockpit plugin: a pre-registration validated by the service
 * Enfance and ended is found by the administrator in Cockpit by its business key, with its audit
 * (the validation task, who did it and when, the variables at the end); an agent of another service
 * reads none of it, neither through the engine's REST API nor through the webapps' API the plugin
 * uses.
 */
class PreRegistrationHistoryCockpitBrowserTest extends PortalIntegrationTest {

    private static final ZoneId TOWN = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PreRegistrations preRegistrations;
    @Autowired FamilyFiles families;
    @Autowired Activities activities;

    @Test
    void theAdministratorAuditsAFinishedPreRegistrationThatAnotherServiceCannotRead() {
        HistoricProcessInstance finished = validatedPreRegistration();
        String key = finished.getBusinessKey();
        assertThat(key).startsWith("PRE-");
        HistoricTaskInstance validation = processEngine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(finished.getId()).taskDefinitionKey(PreRegistrationProcess.TASK_VALIDATE).singleResult();
        String validatedAt = SECONDS.format(validation.getEndTime().toInstant().atZone(TOWN));

        try (StaffBrowser admin = StaffBrowser.signedIn(BASE_URL, "admin", "demo")) {
            Page cockpit = admin.cockpit();
            cockpit.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Historique des demandes").setExact(true)).first().click();
            assertThat(cockpit.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Historique des demandes"))).isVisible();

            cockpit.getByLabel("Processus", new Page.GetByLabelOptions().setExact(true)).selectOption(PreRegistrationProcess.KEY);
            cockpit.getByLabel("Clé de la demande contient").fill(key.split(" ")[0]);
            cockpit.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
            assertThat(cockpit.locator(".ph-count")).hasText("1 demande terminée");
            Locator row = cockpit.locator(".ph-table tbody tr").filter(new Locator.FilterOptions().setHasText(key));
            assertThat(row).containsText("Pré-inscription");
            assertThat(row).containsText("Pré-inscription validée");
            accessible(cockpit);
            cockpit.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/cockpit-historique.png")).setFullPage(true));

            row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
            assertThat(cockpit.locator("h1.ph-title")).hasText("Demande " + key);
            Locator validationRow = cockpit.locator(".ph-table tbody tr").filter(new Locator.FilterOptions().setHasText("Valider la pré-inscription"));
            assertThat(validationRow.first()).containsText("Tâche d'un agent");
            assertThat(validationRow.first()).containsText("enfance");
            assertThat(validationRow.first()).containsText(validatedAt);
            Locator completion = cockpit.locator(".ph-table tbody tr").filter(new Locator.FilterOptions().setHasText("Terminée"));
            assertThat(completion.first()).containsText("enfance");
            assertThat(completion.first()).containsText("Valider la pré-inscription");
            Locator approved = cockpit.locator(".ph-table tbody tr").filter(new Locator.FilterOptions()
                    .setHas(cockpit.locator("th", new Page.LocatorOptions().setHasText("approved"))));
            assertThat(approved).containsText("oui");
            assertThat(cockpit.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Voir le schéma du processus dans Cockpit")))
                    .hasAttribute("href", "#/process-definition/" + finished.getProcessDefinitionId() + "/runtime");
            accessible(cockpit);
            cockpit.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/cockpit-audit.png")).setFullPage(true));
            // the link opens Cockpit's own diagram of the process
            cockpit.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Voir le schéma du processus dans Cockpit")).click();
            assertThat(cockpit.locator(".djs-container").first()).isVisible();
        }

        // another service: nothing through /engine-rest ...
        WebSession rest = session();
        String byKey = "/history/process-instance?processInstanceBusinessKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        assertThat(rest.send(basic(rest, "/engine-rest" + byKey, "restauration")).body()).isEqualTo("[]");
        assertThat(rest.send(basic(rest, "/engine-rest" + byKey, "admin")).body()).contains(finished.getId());
        // ... nor through the webapps' API, with a webapp session as the plugin reads it
        try (StaffBrowser restauration = StaffBrowser.signedIn(BASE_URL, "restauration", "demo")) {
            Page tasklist = restauration.tasklist();
            String api = "/camunda/api/engine/engine/default";
            for (String path : List.of(byKey,
                    "/history/activity-instance?processInstanceId=" + finished.getId(),
                    "/history/variable-instance?processInstanceId=" + finished.getId(),
                    "/history/user-operation?processInstanceId=" + finished.getId(),
                    "/history/task?processInstanceId=" + finished.getId())) {
                APIResponse answer = tasklist.request().get(api + path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.text()).as(path).isEqualTo("[]");
            }
            assertThat(tasklist.request().get(api + "/history/process-instance/" + finished.getId()).status()).isIn(403, 404);
        }
    }

    /** A pre-registration validated by an agent of Enfance through the REST API, then run to its end. */
    private HistoricProcessInstance validatedPreRegistration() {
        TestFamily family = RegistrationFamilies.create(jdbc, encoder);
        long activityId = activities.findByCode("CENTRE_LOISIRS").orElseThrow().id();
        Registration registration = preRegistrations.register(families.find(family.fileId()).orElseThrow(), family.olderChildId(),
                activityId, EnumSet.of(DayOfWeek.WEDNESDAY));
        String instanceId = registration.getProcessInstanceId();
        String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(PreRegistrationProcess.TASK_VALIDATE).singleResult().getId();
        WebSession rest = session();
        assertThat(rest.send(basic(rest, "/engine-rest/task/" + taskId + "/claim", "enfance")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"enfance\"}")))
                .status()).isEqualTo(204);
        assertThat(rest.send(basic(rest, "/engine-rest/task/" + taskId + "/complete", "enfance")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"valider\",\"type\":\"String\"}}}")))
                .status()).isIn(200, 204);
        jobs().executeDue(instanceId);
        HistoricProcessInstance finished = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        assertThat(finished.getEndTime()).as("the pre-registration has ended").isNotNull();
        return finished;
    }

    private static HttpRequest.Builder basic(WebSession session, String path, String user) {
        return HttpRequest.newBuilder(session.uri(path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    /** axe-core on the plugin's part of the page (Cockpit's own screens are not ours to fix here). */
    private static void accessible(Page page) {
        AxeResults results = new AxeBuilder(page).include(List.of(".ph-page"))
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()))
                .as("accessibility of the plugin").isEmpty();
    }
}
