package fr.portailfamille.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The model rules themselves: a clean model passes, each kind of mistake is caught. */
class BpmnModelRulesTest {

    private static final Path FORMS = Path.of("src/test/resources/bpmn/forms");

    @Test
    void aCleanModelHasNoViolation() {
        assertThat(check("goodProcess.bpmn", Set.of("sendGreetingDelegate"))).isEmpty();
    }

    @Test
    void eachMistakeIsReported() {
        List<String> problems = check("badProcess.bpmn", Set.of());

        assertThat(problems).anyMatch(p -> p.contains("no process with the file's name as id"));
        assertThat(problems).anyMatch(p -> p.contains("no history time to live"));
        assertThat(problems).anyMatch(p -> p.startsWith("Activity_0abc123: generated id"));
        assertThat(problems).anyMatch(p -> p.contains("Task_Send: no Spring bean named missingDelegate"));
        assertThat(problems).anyMatch(p -> p.contains("Task_Class: use camunda:delegateExpression"));
        assertThat(problems).anyMatch(p -> p.contains("Task_Review: staff task without a Camunda Form"));
        assertThat(problems).anyMatch(p -> p.contains("Task_Review: user task with no candidate group"));
        assertThat(problems).anyMatch(p -> p.contains("EndEvent_Done: no diagram shape"));
    }

    @Test
    void aBeanThatDoesNotExistIsReportedEvenInAnOtherwiseCleanModel() {
        assertThat(check("goodProcess.bpmn", Set.of())).containsExactly("Task_SendGreeting: no Spring bean named sendGreetingDelegate");
    }

    private static List<String> check(String file, Set<String> beans) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("src/test/resources/bpmn", file).toFile());
        return BpmnModelRules.violations(file, model, beans::contains, FORMS);
    }
}
