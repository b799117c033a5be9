package fr.portailfamille;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.BpmnModelRules;
import fr.portailfamille.support.PortalIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
}
