package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code /engine-rest}: a request refused for a business reason answers 400 with the French reason
 * (what Tasklist shows the agent), never 500; and nothing of the API answers an anonymous caller.
 */
class EngineRestRefusalTest extends PortalIntegrationTest {

    private static HttpRequest.Builder basic(WebSession session, String path, String user) {
        return HttpRequest.newBuilder(session.uri(path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeskPaymentWithoutItsFileNumberIsRefusedWithItsReason() {
        WebSession rest = session();
        String form = """
                {"variables":{"fileNumber":{"value":"","type":"String"},"paymentMode":{"value":"ESPECES","type":"String"},
                 "amount":{"value":"12,00","type":"String"},"invoiceNumbers":{"value":"FA-2026-000001","type":"String"}}}""";
        Page refused = rest.send(basic(rest, "/engine-rest/process-definition/key/deskPayment/submit-form", "finances")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Aucun dossier famille n°");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deskPayment")
                .variableValueEquals("fileNumber", "").count()).as("nothing started").isZero();
    }

    @Test
    void theEngineListIsNotAnonymous() {
        assertThat(session().get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(session().get("/engine-rest/engine/").status()).isIn(401, 404);
        WebSession rest = session();
        Page listed = rest.send(basic(rest, "/engine-rest/engine", "guichet").GET());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("default");
    }
}
