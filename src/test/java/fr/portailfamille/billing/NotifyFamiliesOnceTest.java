package fr.portailfamille.billing;

import static fr.portailfamille.billing.MonthlyBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * « Prévenir les familles » mails each family exactly once, batch after batch (one job each), even
 * when the same job is taken by two threads at once (the job executor's lock time ran out while the
 * first still worked) and when the step runs again after it finished (a retry after a crash).
 */
class NotifyFamiliesOnceTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BillingRuns runs;
    @Autowired
    ManagementService management;

    BillingFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new BillingFixtures(jdbc);
    }

    private List<Long> familiesWithABooking(YearMonth month, int count) {
        long leisure = fixtures.activity("Centre de loisirs lots");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        List<Long> families = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long family = fixtures.family("LOT" + (char) ('A' + i));
            fixtures.book(family, fixtures.child(family, "Enfant", LocalDate.of(2018, 1, 1)), leisure, month.atDay(10), "BOOKED");
            families.add(family);
        }
        return families;
    }

    /** Starts the run, computes the drafts and decides to publish with this batch size; the publication job is next. */
    private ProcessInstance publishedWithBatchesOf(String month, int batchSize) {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance instance = processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), month));
        jobs().executeDue(instance.getId());
        complete(task(instance), withVariables(PUBLISH.name(), true, NOTIFY_BATCH_SIZE.name(), batchSize));
        management.executeJob(onlyJob(instance).getId()); // numbers and PDFs
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY);
        return instance;
    }

    private Job onlyJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void assertEachFamilyMailedExactlyOnce(List<Long> families) {
        for (long family : families) {
            mailbox().await(fixtures.emailOf(family), "Nouvelle facture disponible");
            assertThat(mailbox().to(fixtures.emailOf(family))).as("mails to family " + family).hasSize(1);
        }
    }

    @Test
    void batchAfterBatchEachFamilyIsMailedOnceAndARetryAfterTheEndSendsNothing() {
        List<Long> families = familiesWithABooking(YearMonth.of(2024, 7), 7);
        ProcessInstance instance = publishedWithBatchesOf("2024-07", 3);

        jobs().executeDue(instance.getId()); // 3 + 3 + 1: the model loops back twice

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_NOTIFY, GATEWAY_FAMILIES_LEFT, END_PUBLISHED);
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_NOTIFY).count()).as("one job per batch").isEqualTo(3);
        assertEachFamilyMailedExactlyOnce(families);

        long runId = jdbc.queryForObject("select id from billing_run where process_instance_id = ?", Long.class, instance.getId());
        assertThat(runs.notifyNextFamilies(runId, 3)).as("the step run again after a crash").isZero();
        assertEachFamilyMailedExactlyOnce(families);
    }

    @Test
    void theSameJobTakenByTwoThreadsAtOnceMailsEachFamilyOnce() throws Exception {
        List<Long> families = familiesWithABooking(YearMonth.of(2024, 8), 8);
        ProcessInstance instance = publishedWithBatchesOf("2024-08", 4);
        String job = onlyJob(instance).getId();

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (int thread = 0; thread < 2; thread++) {
            attempts.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                    management.executeJob(job);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // the slower attempt loses the job to the other one (optimistic locking): what a real executor sees
                }
            }));
        }
        go.countDown();
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).get();
        jobs().executeDue(instance.getId());

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_PUBLISHED);
        assertEachFamilyMailedExactlyOnce(families);
        assertThat(jdbc.queryForObject("select count(*) from invoice where month = '2024-08' and notified_at is null and state = 'PENDING'",
                Integer.class)).isZero();
    }
}
