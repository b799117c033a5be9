package fr.portailfamille.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * An agent of the Guichet Unique links an account in Tasklist: the same REST calls Tasklist makes,
 * over HTTP as {@code guichet}, through Camunda's authorizations, for a family that signed up with
 * « continuer sans ».
 */
class GuichetUniqueTasklistTest extends AccountFlows {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void guichetSeesTheTaskWithItsFormAndLinksTheAccount() throws Exception {
        String email = unique("rest") + "@example.org";
        String username = unique("rest");
        ProcessInstance process = signUpWithoutFileAndActivate(username, email);
        String businessKey = process.getBusinessKey();

        JsonNode tasks = json(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, "guichet", null));
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Rattacher le compte à un dossier famille");
        String taskId = tasks.get(0).get("id").asText();
        assertThat(json(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, "enfance", null)))
                .as("another service does not see it").isEmpty();

        Page form = call("GET", "/engine-rest/task/" + taskId + "/deployed-form", "guichet", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("linkAccountToFamilyFile").contains("familyFileNumber");
        JsonNode variables = json(call("GET", "/engine-rest/task/" + taskId + "/form-variables", "guichet", null));
        assertThat(variables.get("signedUpEmail").get("value").asText()).isEqualTo(email);
        assertThat(variables.get("signedUpUsername").get("value").asText()).isEqualTo(username);
        assertThat(variables.get("signedUpName").get("value").asText()).isEqualTo("Mme Inès MARTIN");
        assertThat(variables.get("signedUpPhone").get("value").asText()).isEqualTo("06 12 34 56 78");

        Page refused = call("POST", "/engine-rest/task/" + taskId + "/submit-form", "guichet", submission("link", "99999999"));
        assertThat(refused.status()).as("a business refusal, not a server error").isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("n'existe pas");
        assertThat(process).isWaitingAt(AccountActivationProcess.TASK_LINK);

        String number = newFamilyFile(unique("REST").toUpperCase(), "guardian." + email);
        Page done = call("POST", "/engine-rest/task/" + taskId + "/submit-form", "guichet", submission("link", number));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        jobs().executeDue(process.getId());

        assertThat(process).hasPassed(AccountActivationProcess.END_LINKED).isEnded();
        assertThat(accountOfFile(number)).isEqualTo(Long.valueOf(businessKey));
        assertThat(mailbox().await(email, "rattaché").text()).contains(number);
    }

    /** The four steps over HTTP with « Je n'ai pas ces informations, continuer sans », then the mail's link. */
    private ProcessInstance signUpWithoutFileAndActivate(String username, String email) {
        WebSession family = session();
        Page step2 = family.follow(family.submit(family.get("/inscription"), "form[action$=/inscription]",
                SignUpWebTest.identity(username, email)));
        Page step3 = family.follow(family.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "true")));
        Page step4 = family.follow(family.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")));
        family.follow(family.submit(step4, "form[action$=/inscription/valider]", Map.of()));
        ProcessInstance process = processOf(accounts.findByUsernameIgnoreCase(username).orElseThrow().getId());
        jobs().executeDue(process.getId());
        assertThat(family.get(activationLink(email)).isRedirectTo("/connexion?active")).isTrue();
        jobs().executeDue(process.getId());
        return process;
    }

    private static String submission(String decision, String number) {
        return "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\",\"type\":\"String\"},"
                + "\"familyFileNumber\":{\"value\":\"" + number + "\",\"type\":\"String\"}}}";
    }

    private Page call(String method, String path, String user, String body) {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(session().uri(path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return session().send(request);
    }

    private static JsonNode json(Page page) throws Exception {
        assertThat(page.status()).as(page.body()).isIn(200, 400);
        return JSON.readTree(page.body());
    }
}
