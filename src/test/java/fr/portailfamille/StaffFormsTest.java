package fr.portailfamille;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.system.StaffDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Camunda Form of {@code forms/} asks for a decision the way a form should: an explicit choice
 * (radio buttons or a list with no value chosen beforehand, required), never a box whose unticked
 * state silently means « refuse »; the reason of a refusal is shown only when refusing.
 */
class StaffFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        components.forEach(c -> {
            into.add(c);
            if (c.has("components")) {
                collect(c.get("components"), into);
            }
        });
    }

    private List<JsonNode> components(Path form) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        collect(json.readTree(form.toFile()).get("components"), all);
        return all;
    }

    @Test
    void noChoiceIsMadeBeforehand() throws IOException {
        for (Path form : forms()) {
            for (JsonNode c : components(form)) {
                String type = c.path("type").asText();
                if (type.equals("radio") || type.equals("select") || type.equals("checklist")) {
                    assertThat(c.has("defaultValue")).as(form + " " + c.path("key").asText() + ": no value chosen beforehand").isFalse();
                }
                if (type.equals("checkbox")) {
                    assertThat(c.path("validate").path("required").asBoolean(false))
                            .as(form + " " + c.path("key").asText() + ": a box is only a confirmation the agent must tick, never a decision")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everyDecisionIsAnExplicitRequiredChoiceWithTheReasonShownOnlyWhenRefusing() throws IOException {
        int decisions = 0;
        for (Path form : forms()) {
            List<JsonNode> components = components(form);
            for (JsonNode c : components) {
                if (!StaffDecision.CHOICE.equals(c.path("key").asText()) || !c.path("type").asText().equals("radio")) {
                    continue;
                }
                decisions++;
                assertThat(c.path("validate").path("required").asBoolean(false)).as(form + ": the decision is required").isTrue();
                assertThat(c.get("values")).as(form + ": a choice between at least two outcomes").hasSizeGreaterThanOrEqualTo(2);
                List<String> values = new ArrayList<>();
                c.get("values").forEach(v -> values.add(v.get("value").asText()));
                if (values.contains(StaffDecision.REFUSE)) {
                    assertThat(components).as(form + ": a reason shown only when refusing")
                            .anyMatch(r -> r.path("type").asText().equals("textarea")
                                    && r.path("conditional").path("hide").asText().equals("=decision != \"refuser\""));
                }
            }
        }
        assertThat(decisions).as("pre-registration, absence, document, file change, billing run, account link, revenue order, debit batch")
                .isEqualTo(8);
    }
}
