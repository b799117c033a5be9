package fr.portailfamille.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The tests run the engine's jobs themselves (the job executor is off in the test profile), so a
 * test decides when an async step or a due timer happens.
 */
public class Jobs {

    private final ManagementService management;

    Jobs(ProcessEngine engine) {
        this.management = engine.getManagementService();
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

    /** Executes every due job of the engine (e.g. the async mail step started by a page). */
    public void executeAllDue() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs never settle");
    }
}
