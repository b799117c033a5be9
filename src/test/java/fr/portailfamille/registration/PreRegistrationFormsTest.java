package fr.portailfamille.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.system.StaffDecision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Camunda Forms of preRegistration: the fields the process and the server check rely on. */
class PreRegistrationFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode form(String id) throws IOException {
        return json.readTree(Path.of("forms", id + ".form").toFile());
    }

    private static List<String> keys(JsonNode form, boolean readonly) {
        List<String> keys = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (c.has("key") && c.path("readonly").asBoolean(false) == readonly) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }

    @Test
    void theValidationFormShowsTheFileReadOnlyAndAsksForTheDecisionAndReason() throws IOException {
        JsonNode form = form("validatePreRegistration");
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(keys(form, true)).containsExactlyInAnyOrder(PreRegistrationProcess.FAMILY.name(), PreRegistrationProcess.CHILD.name(),
                PreRegistrationProcess.CHILD_AGE.name(), PreRegistrationProcess.ACTIVITY.name(), PreRegistrationProcess.DAYS.name(),
                PreRegistrationProcess.QUOTIENT.name(), PreRegistrationProcess.DOCUMENTS.name(), PreRegistrationProcess.HEALTH.name(),
                PreRegistrationProcess.OTHER_REGISTRATIONS.name(), PreRegistrationProcess.PLACES.name());
        assertThat(keys(form, false)).containsExactly(StaffDecision.CHOICE, PreRegistrationProcess.REASON.name());
        assertThat(form.toString()).contains("{{" + PreRegistrationProcess.DOCUMENT_LINKS.name() + "}}");
    }

    @Test
    void theFollowUpFormAsksWhatWasDone() throws IOException {
        JsonNode form = form("followUpPreRegistration");
        assertThat(form.get("id").asText()).isEqualTo("followUpPreRegistration");
        assertThat(keys(form, false)).containsExactly("followUpNote");
    }
}
