package fr.portailfamille.support;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The tests run the engine's jobs themselves (the job executor is off in the test profile), so a
 * test decides when an async step or a due timer happens.
 */
public class Jobs {

    private final ManagementService management;
    private final HistoryService history;

    Jobs(ProcessEngine engine) {
        this.management = engine.getManagementService();
        this.history = engine.getHistoryService();
    }

    /** Executes the jobs of this process instance that are due now, again and again until none is left. */
    public void executeDue(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs of " + processInstanceId + " never settle");
    }

    /**
     * Executes every due job of the engine (e.g. the async mail step started by a page) except Camunda's
     * history cleanup, which is due every night between 01:00 and 05:00 and is not a test's business.
     */
    public void executeAllDue() {
        for (int round = 0; round < 100; round++) {
            Set<String> historyCleanup = history.findHistoryCleanupJobs().stream().map(Job::getId).collect(Collectors.toSet());
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> !historyCleanup.contains(job.getId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs never settle");
    }
}
