package fr.portailfamille;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.BpmnModelRules;
import fr.portailfamille.support.PortalIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every BPMN of {@code processes/} follows the house rules ({@link BpmnModelRules}) and is deployed,
 * and every form of {@code forms/} is deployed too. A new process plugs in by being in the folder.
 */
class ProcessModelsTest extends PortalIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Test
    void everyProcessFollowsTheHouseRulesAndIsDeployed() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                problems.addAll(BpmnModelRules.violations(file.getFileName().toString(), model, context::containsBean, Path.of("forms")));
                String key = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
                if (repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count() != 1) {
                    problems.add(key + ": not deployed");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormIsDeployed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                String name = file.getFileName().toString();
                boolean deployed = repository.createDeploymentQuery().list().stream()
                        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
                        .anyMatch(resource -> resource.endsWith(name));
                assertThat(deployed).as(name + " deployed").isTrue();
            }
        }
    }

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+) jours? ouvrés?");

    /**
     * A delay in working days is a constant of the process class ({@code <Key>Process}), read by the
     * bean its timer calls and by the mails; the BPMN says it in words for the people who read the
     * model. A timer labelled « N jours ouvrés » is named after its constant ({@code Timer_FirstReminder}
     * → {@code FIRST_REMINDER_WORKING_DAYS}), which must be N, and every « N jours ouvrés » of the
     * process's documentation is one of its constants: changing a delay without its label fails here.
     */
    @Test
    void delaysInWorkingDaysSaidInTheModelsAreTheirProcessConstants() throws Exception {
        List<String> problems = new ArrayList<>();
        int labelled = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                String key = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
                Map<String, Integer> constants = workingDayConstants(key);
                for (Event timer : model.getModelElementsByType(Event.class)) {
                    Matcher said = timer.getName() == null ? null : WORKING_DAYS.matcher(timer.getName());
                    if (said == null || !said.find() || timer.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
                        continue;
                    }
                    labelled++;
                    String constant = timer.getId().replaceFirst("^Timer_", "").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()
                            + "_WORKING_DAYS";
                    Integer value = constants.get(constant);
                    if (value == null || value != Integer.parseInt(said.group(1))) {
                        problems.add(key + " " + timer.getId() + " « " + timer.getName() + " »: " + constant + " = " + value);
                    }
                }
                for (Documentation documentation : model.getModelElementsByType(Documentation.class)) {
                    Matcher said = WORKING_DAYS.matcher(documentation.getTextContent());
                    while (said.find()) {
                        if (!constants.containsValue(Integer.parseInt(said.group(1)))) {
                            problems.add(key + " documentation « " + said.group() + " »: none of " + constants);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(labelled).as("the reminders of preRegistration and absenceJustification").isGreaterThanOrEqualTo(3);
    }

    /** The {@code *_WORKING_DAYS} constants of the process class {@code <Key>Process}, found in any module. */
    private static Map<String, Integer> workingDayConstants(String key) throws Exception {
        String simpleName = Character.toUpperCase(key.charAt(0)) + key.substring(1) + "Process";
        Map<String, Integer> constants = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.getFileName().toString().equals(simpleName + ".java")).toList()) {
                String className = Path.of("src/main/java").relativize(source).toString().replace('/', '.').replaceFirst("\\.java$", "");
                for (java.lang.reflect.Field field : Class.forName(className).getDeclaredFields()) {
                    if (field.getName().endsWith("_WORKING_DAYS") && field.getType() == int.class
                            && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        constants.put(field.getName(), field.getInt(null));
                    }
                }
            }
        }
        return constants;
    }
}
