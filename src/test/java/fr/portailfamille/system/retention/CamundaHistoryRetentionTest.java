package fr.portailfamille.system.retention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Duration;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's history follows the retention policy: every deployed process and decision has a history
 * time to live within {@code portal.retention.camunda-history-max}, the history cleanup runs on the
 * removal time (end + time to live) in a nightly window with its job scheduled, and it really removes
 * a finished instance whose time has come.
 */
class CamundaHistoryRetentionTest extends PortalIntegrationTest {

    @Autowired
    RetentionProperties policy;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    private int maxDays() {
        Period max = policy.camundaHistoryMax();
        return max.getYears() * 365 + max.getMonths() * 31 + max.getDays();
    }

    @Test
    void everyDeployedProcessAndDecisionHasATimeToLiveWithinThePolicy() {
        var processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(p -> !p.getKey().startsWith("retentionProbe")).toList();
        var decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(p -> p.getKey()).contains("accountActivation", "messageRouting", "monthlyBilling", "preRegistration");
        assertThat(decisions).extracting(d -> d.getKey()).contains("messageRouting");
        processes.forEach(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isBetween(1, maxDays()));
        decisions.forEach(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isBetween(1, maxDays()));
        // a sign-up never activated keeps its name and e-mail in the history at most a month
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("accountActivation").latestVersion().singleResult()
                .getHistoryTimeToLive()).isLessThanOrEqualTo(31);
    }

    @Test
    void historyCleanupIsConfiguredAndScheduledInANightlyWindow() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(config.isHistoryCleanupEnabled()).isTrue();
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        List<Job> cleanupJobs = history.findHistoryCleanupJobs();
        assertThat(cleanupJobs).as("the engine scheduled its history cleanup job").isNotEmpty();
    }

    @Test
    void theCleanupRemovesAFinishedInstanceOnceItsTimeToLiveIsOver() {
        Deployment deployment = repository.createDeployment().name("retention probe")
                .addModelInstance("retentionProbe.bpmn", Bpmn.createExecutableProcess("retentionProbe")
                        .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy();
        try {
            String ended = runtime.startProcessInstanceByKey("retentionProbe").getId();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getRemovalTime())
                    .as("removal time = end + 1 day").isNotNull();
            try {
                ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
                Job cleanup = history.cleanUpHistoryAsync(true);
                management.executeJob(cleanup.getId());
            } finally {
                ClockUtil.reset();
            }
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).as("removed from the history").isZero();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
