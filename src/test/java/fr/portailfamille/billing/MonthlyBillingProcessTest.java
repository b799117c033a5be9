package fr.portailfamille.billing;

import static fr.portailfamille.billing.MonthlyBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code monthlyBilling}, one test per path: published, cancelled, started by the timer, draft step
 * failing then retried; plus a month billed twice and a bad month refused at the start. Each test
 * bills a month of 2024 of its own, on families and an activity of its own.
 */
class MonthlyBillingProcessTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    BillingRuns runs;

    BillingFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new BillingFixtures(jdbc);
    }

    @Test
    void publishedPath_draftsReviewedThenNumberedWithTheirPdfAndEachFamilyMailed() {
        YearMonth january = YearMonth.of(2024, 1);
        long leisure = fixtures.activity("Centre de loisirs test");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        LocalDate closed = january.atDay(17);
        fixtures.closure(leisure, closed);

        // a family with a quotient and two children: a late cancellation billed, a closure and a cancellation not
        long martin = fixtures.family("MARTIN");
        fixtures.quotient(martin, 500, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
        long leo = fixtures.child(martin, "Léo", LocalDate.of(2017, 3, 1));
        long mia = fixtures.child(martin, "Mia", LocalDate.of(2020, 9, 1));
        for (int day : List.of(3, 10, 24)) {
            fixtures.book(martin, leo, leisure, january.atDay(day), "BOOKED");
        }
        fixtures.book(martin, leo, leisure, january.atDay(31), "CANCELLED_LATE");
        fixtures.book(martin, mia, leisure, january.atDay(3), "BOOKED");
        fixtures.book(martin, mia, leisure, january.atDay(10), "BOOKED");
        fixtures.book(martin, mia, leisure, closed, "BOOKED");
        fixtures.book(martin, mia, leisure, january.atDay(24), "CANCELLED");
        // a family without quotient familial: top bracket
        long petit = fixtures.family("PETIT");
        long jade = fixtures.child(petit, "Jade", LocalDate.of(2018, 2, 2));
        fixtures.book(petit, jade, leisure, january.atDay(3), "BOOKED");
        fixtures.book(petit, jade, leisure, january.atDay(10), "BOOKED");

        ProcessInstance instance = startFromTasklist("2024-01");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_COMPUTE_DRAFTS);
        jobs().executeDue(instance.getId());

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("finances");
        BpmnAwareTests.assertThat(instance).variables().containsEntry(RUN_MONTH.name(), "2024-01").containsEntry(RUN_FAMILIES.name(), 2)
                .containsEntry(RUN_INVOICES.name(), 2).containsEntry(RUN_AMOUNT.name(), "96,00 €").containsEntry(RUN_WITHOUT_QUOTIENT.name(), 1);
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), RUN_REVIEW_LINK.name())).asString()
                .contains("/agent/facturation/" + processEngine.getRuntimeService().getVariable(instance.getId(), RUN_ID.name()) + ")");
        assertThat(instance.getBusinessKey() == null ? processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey() : instance.getBusinessKey()).isEqualTo("FAC-2024-01");
        assertThat(invoice(martin, "2024-01")).containsEntry("state", "DRAFT").containsEntry("number", null);
        assertThat(lines(martin, "2024-01")).containsExactly(
                "Léo MARTIN|4|1|10.0000|QF 0 à 800|1|40.0000",
                "Mia MARTIN|2|0|8.0000|QF 0 à 800|2|16.0000");

        complete(task(instance), withVariables(PUBLISH.name(), true));
        jobs().executeDue(instance.getId());

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_PUBLISH, TASK_NOTIFY, END_PUBLISHED);
        Map<String, Object> martinInvoice = invoice(martin, "2024-01");
        Map<String, Object> petitInvoice = invoice(petit, "2024-01");
        assertThat(martinInvoice).containsEntry("state", "PENDING");
        assertThat(martinInvoice.get("total")).hasToString("56.00");
        assertThat(petitInvoice.get("total")).hasToString("40.00");
        assertThat((String) petitInvoice.get("quotient_note")).contains("Aucun quotient familial valide pour janvier 2024");
        int year = LocalDate.now(clock).getYear();
        assertThat((String) martinInvoice.get("number")).matches("FA-" + year + "-\\d{6}");
        assertThat(Math.abs(sequence(martinInvoice) - sequence(petitInvoice))).as("consecutive numbers").isEqualTo(1);
        assertThat((Integer) martinInvoice.get("pdf_size")).isGreaterThan(1000);

        var mail = mailbox().await(fixtures.emailOf(martin), "Nouvelle facture disponible");
        assertThat(mail.subject()).contains((String) martinInvoice.get("number"));
        assertThat(mail.text()).contains("56,00 €").contains("janvier 2024").contains(BASE_URL + "/facturation");
        mailbox().await(fixtures.emailOf(petit), "Nouvelle facture disponible");

        // billing January again bills nobody twice
        ProcessInstance again = startFromTasklist("2024-01");
        jobs().executeDue(again.getId());
        BpmnAwareTests.assertThat(again).variables().containsEntry(RUN_FAMILIES.name(), 0).containsEntry(RUN_INVOICES.name(), 0);
        complete(task(again), withVariables(PUBLISH.name(), false));
        BpmnAwareTests.assertThat(again).isEnded().hasPassed(END_CANCELLED);
        assertThat(jdbc.queryForObject("select count(*) from invoice where family_file_id = ? and state <> 'CANCELLED'",
                Integer.class, martin)).isEqualTo(1);
    }

    @Test
    void aMonthIsBilledFromItsClosedDaySheetsAndTheInvoiceSaysWhichDaysAreBilledAndWhy() {
        YearMonth june = YearMonth.of(2024, 6);
        long leisure = fixtures.activity("Centre de loisirs présences");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        // one « jour de carence »: the first day of a justified absence is still billed
        jdbc.update("update activity set waiting_days = 1 where id = ?", leisure);
        long garcia = fixtures.family("GARCIA");
        fixtures.quotient(garcia, 500, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
        long ines = fixtures.child(garcia, "Inès", LocalDate.of(2017, 3, 1));
        for (int day : List.of(3, 4, 5, 6, 7)) {
            fixtures.book(garcia, ines, leisure, june.atDay(day), "BOOKED");
        }
        long monday = fixtures.sheet(leisure, june.atDay(3), "CLOSED");
        fixtures.entry(monday, garcia, ines, "PRESENT");
        long tuesday = fixtures.sheet(leisure, june.atDay(4), "OPEN");
        fixtures.entry(tuesday, garcia, ines, "ABSENT_JUSTIFIED");
        fixtures.entry(fixtures.sheet(leisure, june.atDay(5), "CLOSED"), garcia, ines, "ABSENT_JUSTIFIED");
        // the family's declaration accepted by the service makes Thursday justified whatever the sheet says: the absence goes on
        fixtures.entry(fixtures.sheet(leisure, june.atDay(6), "CLOSED"), garcia, ines, "ABSENT_UNJUSTIFIED");
        fixtures.acceptedAbsence(garcia, ines, leisure, june.atDay(6));
        // Friday: no sheet, billed as booked

        assertThatThrownBy(() -> startFromTasklist("2024-06"))
                .hasMessageContaining("1 feuille(s) de présence ne sont pas clôturées")
                .hasMessageContaining("Centre de loisirs présences du 04/06/2024");
        var finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));
        var refused = finances.submit(finances.open("/agent/facturation"), "form[action$=/lancer]", Map.of("month", "2024-06"));
        assertThat(refused.doc().select("#month-error").text()).contains("ne sont pas clôturées").contains("du 04/06/2024");

        jdbc.update("update attendance_sheet set state = 'CLOSED', closed_by = 'enfance', closed_at = now() where id = ?", tuesday);
        ProcessInstance instance = startFromTasklist("2024-06");
        jobs().executeDue(instance.getId());
        // billed: 3 (present), 4 (waiting day), 7 (no entry) = 3 × 10,00 €; not billed: 5 and 6 (justified absence)
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW).variables().containsEntry(RUN_AMOUNT.name(), "30,00 €");
        complete(task(instance), withVariables(PUBLISH.name(), true));
        jobs().executeDue(instance.getId());

        byte[] pdf = jdbc.queryForObject("select pdf from invoice where family_file_id = ? and month = '2024-06'", byte[].class, garcia);
        String text = PdfText.of(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Jours facturés").contains("Jours non facturés")
                .contains("présent : 3").contains("jour de carence : 4").contains("réservé, sans pointage : 7")
                .contains("absence justifiée : 5, 6");
    }

    @Test
    void cancelledPath_draftsAreDiscardedAndTheMonthCanBeBilledAgain() {
        YearMonth february = YearMonth.of(2024, 2);
        long leisure = fixtures.activity("Centre de loisirs test");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        long roux = fixtures.family("ROUX");
        fixtures.book(roux, fixtures.child(roux, "Tom", LocalDate.of(2019, 1, 1)), leisure, february.atDay(7), "BOOKED");

        ProcessInstance instance = startFromTasklist("2024-02");
        jobs().executeDue(instance.getId());
        assertThat(invoice(roux, "2024-02")).containsEntry("state", "DRAFT");

        complete(task(instance), withVariables(PUBLISH.name(), false));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_DISCARD, END_CANCELLED).hasNotPassed(TASK_PUBLISH);
        assertThat(jdbc.queryForObject("select count(*) from invoice where family_file_id = ?", Integer.class, roux)).isZero();
        assertThat(runState(instance)).isEqualTo("CANCELLED");
        assertThat(mailbox().to(fixtures.emailOf(roux))).isEmpty();

        ProcessInstance again = startFromTasklist("2024-02");
        jobs().executeDue(again.getId());
        assertThat(invoice(roux, "2024-02")).containsEntry("state", "DRAFT");
        complete(task(again), withVariables(PUBLISH.name(), false));
    }

    @Test
    void timerStart_onTheFirstOfTheMonthBillsTheMonthThatJustEnded() {
        ManagementService management = processEngine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(KEY).timers().active().singleResult();
        assertThat(timer).as("the monthly timer of the latest definition").isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(fr.portailfamille.system.PortalTime.ZONE).getDayOfMonth()).isEqualTo(1);

        management.executeJob(timer.getId());

        String lastMonth = YearMonth.now(clock).minusMonths(1).toString();
        ProcessInstance started = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(MONTH.name(), lastMonth).active().list().stream()
                .filter(p -> processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(START_TIMER).count() == 1)
                .findFirst().orElseThrow();
        BpmnAwareTests.assertThat(started).hasPassed(START_TIMER).isWaitingAt(TASK_COMPUTE_DRAFTS);
        assertThat(management.createJobQuery().processDefinitionKey(KEY).timers().active().count())
                .as("the next month's timer").isEqualTo(1);
        processEngine.getRuntimeService().deleteProcessInstance(started.getId(), "test: the timer start is proven");
    }

    @Test
    void timerStart_whileSheetsOfTheMonthAreOpenFinancesGetATaskListingThemAndNoIncident() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        long leisure = fixtures.activity("Centre de loisirs minuterie");
        long open = fixtures.sheet(leisure, last.atDay(12), "OPEN");
        ManagementService management = processEngine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(KEY).timers().active().singleResult();

        management.executeJob(timer.getId());

        ProcessInstance started = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(MONTH.name(), last.toString()).active().list().stream()
                .filter(p -> processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(START_TIMER).count() == 1)
                .filter(p -> processEngine.getTaskService().createTaskQuery().processInstanceId(p.getId()).taskDefinitionKey(TASK_CLOSE_SHEETS)
                        .count() == 1)
                .findFirst().orElseThrow();
        BpmnAwareTests.assertThat(started).isWaitingAt(TASK_CLOSE_SHEETS).task().hasCandidateGroup("finances");
        assertThat((String) processEngine.getRuntimeService().getVariable(started.getId(), OPEN_SHEETS.name()))
                .contains("Centre de loisirs minuterie du " + fr.portailfamille.system.PortalTime.DATE.format(last.atDay(12)));
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(started.getId()).count()).isZero();

        // the sheet closed, finances complete the task: the check passes and the drafts are computed
        jdbc.update("update attendance_sheet set state = 'CLOSED' where id = ?", open);
        complete(task(started));
        BpmnAwareTests.assertThat(started).isWaitingAt(TASK_COMPUTE_DRAFTS);
        processEngine.getRuntimeService().deleteProcessInstance(started.getId(), "test: the wait for open sheets is proven");
    }

    @Test
    void failureAndRetry_aMissingTariffStopsTheDraftsWithAnIncidentThenTheRetryResumesWithoutDuplicates() {
        YearMonth march = YearMonth.of(2024, 3);
        long priced = fixtures.activity("Activité tarifée");
        fixtures.grid(priced, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        long unpriced = fixtures.activity("Stage sans tarif");
        fixtures.grid(unpriced, LocalDate.of(2024, 4, 1), "5.00", "5.00", "5.00", "5.00");
        long blanc = fixtures.family("BLANC");
        fixtures.book(blanc, fixtures.child(blanc, "Eva", LocalDate.of(2016, 6, 6)), priced, march.atDay(6), "BOOKED");
        // neither family has a quotient familial: 20,00 € (top bracket) + 5,00 €
        long noir = fixtures.family("NOIR");
        fixtures.book(noir, fixtures.child(noir, "Noé", LocalDate.of(2016, 6, 6)), unpriced, march.atDay(6), "BOOKED");

        ProcessInstance instance = startFromTasklist("2024-03");
        ManagementService management = processEngine.getManagementService();
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Tarif manquant pour « Stage sans tarif »");

        Job failed = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(failed.getRetries()).isLessThan(3);
        assertThat(failed.getExceptionMessage()).contains("complétez la grille tarifaire");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_COMPUTE_DRAFTS);

        // finances complete the grid, then retry the job (Cockpit's « retry »)
        fixtures.grid(unpriced, BillingFixtures.GRID_FROM, "5.00", "5.00", "5.00", "5.00");
        management.setJobRetries(failed.getId(), 3);
        management.executeJob(failed.getId());

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(jdbc.queryForObject("select count(*) from invoice where family_file_id in (?, ?) and month = '2024-03'",
                Integer.class, blanc, noir)).isEqualTo(2);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(RUN_INVOICES.name(), 2).containsEntry(RUN_AMOUNT.name(), "25,00 €");
        complete(task(instance), withVariables(PUBLISH.name(), false));
    }

    /**
     * On a slow run the drafting job outlasts the job executor's lock and another thread takes it
     * again while the first still drafts: both attempts go through the same families at the same
     * time, neither fails, and each family gets one draft.
     */
    @Test
    void twoAttemptsOfTheDraftingStepAtOnceDraftEachFamilyOnce() throws Exception {
        YearMonth may = YearMonth.of(2023, 5);
        long activity = fixtures.activity("Accueil du soir");
        fixtures.grid(activity, BillingFixtures.GRID_FROM, "3.00", "2.50", "4.00", "3.50");
        List<Long> families = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long family = fixtures.family("DOUBLE" + i);
            fixtures.book(family, fixtures.child(family, "Enfant", LocalDate.of(2017, 3, 3)), activity, may.atDay(10), "BOOKED");
            families.add(family);
        }
        long runId = runs.open(may, "essai-deux-tentatives");

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService attempts = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<BillingRuns.Totals>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(attempts.submit(() -> {
                    start.await();
                    return runs.computeDrafts(runId);
                }));
            }
            start.countDown();
            for (var attempt : done) {
                assertThat(attempt.get(5, java.util.concurrent.TimeUnit.MINUTES).invoices()).as("each attempt ends with the run's drafts")
                        .isEqualTo(40);
            }
        } finally {
            attempts.shutdownNow();
        }

        String ids = families.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        assertThat(jdbc.queryForObject("select count(*) from invoice where month = '2023-05' and family_file_id in (" + ids + ")", Integer.class))
                .as("one draft per family").isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from invoice_line l join invoice i on i.id = l.invoice_id"
                + " where i.month = '2023-05' and i.family_file_id in (" + ids + ")", Integer.class)).as("one line per draft").isEqualTo(40);
        assertThat(jdbc.queryForObject("select families_done || '/' || families_total from billing_run where id = ?", String.class, runId))
                .isEqualTo("40/40");
    }

    @Test
    void aBadMonthInTheStartFormStartsNothing() {
        long before = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();

        assertThatThrownBy(() -> startFromTasklist("2024-13")).hasMessageContaining("Mois « 2024-13 » invalide");
        assertThatThrownBy(() -> startFromTasklist(YearMonth.now(clock).plusMonths(3).toString()))
                .hasMessageContaining("n'est pas terminé");
        // the month in progress has not ended: its days have not all happened
        YearMonth current = YearMonth.now(clock);
        assertThatThrownBy(() -> startFromTasklist(current.toString()))
                .hasMessageContaining("n'est pas terminé : il pourra être facturé à partir du 1er");

        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    @Test
    void financesLaunchAMonthFromTheirStaffPage() {
        var finances = session();
        var login = finances.get("/agent/connexion");
        finances.follow(finances.submit(login, "form", Map.of("username", "finances", "password", "demo")));
        var page = finances.open("/agent/facturation");
        assertThat(page.status()).isEqualTo(200);

        var refused = finances.submit(page, "form[action$=/lancer]", Map.of("month", "mars"));
        assertThat(refused.doc().select("#month-error").text()).contains("invalide");
        assertThat(refused.doc().select("#month").attr("value")).isEqualTo("mars");

        var launched = finances.follow(finances.submit(page, "form[action$=/lancer]", Map.of("month", "2024-05")));
        assertThat(launched.text()).contains("Facturation de 2024-05 lancée");
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(MONTH.name(), "2024-05").active().singleResult();
        BpmnAwareTests.assertThat(instance).hasPassed("StartEvent_AskedByFinances").isWaitingAt(TASK_COMPUTE_DRAFTS);
        jobs().executeDue(instance.getId());
        assertThat(finances.open("/agent/facturation").text()).contains("2024-05").contains("à contrôler");
        complete(task(instance), withVariables(PUBLISH.name(), false));

        var guichet = session();
        guichet.follow(guichet.submit(guichet.get("/agent/connexion"), "form", Map.of("username", "guichet", "password", "demo")));
        assertThat(guichet.get("/agent/facturation").status()).isEqualTo(403);
    }

    @Test
    void aMonthThatHasNotEndedIsRefusedInFrenchThroughTheTasklistApiAndTheStaffPage() {
        long before = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        YearMonth current = YearMonth.now(clock);
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        // the start form as Tasklist submits it (same REST resource): a 400 carrying the French reason
        var rest = session();
        var answer = rest.send(java.net.http.HttpRequest.newBuilder(rest.uri("/engine-rest/process-definition/" + definitionId + "/submit-form"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("finances:demo".getBytes()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\":{\"" + MONTH.name() + "\":{\"value\":\"" + current
                        + "\",\"type\":\"String\"}}}")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("n'est pas terminé").doesNotContain("ENGINE-");

        var finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));
        var refused = finances.submit(finances.open("/agent/facturation"), "form[action$=/lancer]", Map.of("month", current.toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#month-error").text()).contains("n'est pas terminé").contains("1er");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    private ProcessInstance startFromTasklist(String month) {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), month));
    }

    private Map<String, Object> invoice(long familyFileId, String month) {
        return jdbc.queryForMap("""
                select state, number, total, quotient_note, coalesce(octet_length(pdf), 0) as pdf_size
                from invoice where family_file_id = ? and month = ? and state <> 'CANCELLED'
                """, familyFileId, month);
    }

    private List<String> lines(long familyFileId, String month) {
        return jdbc.queryForList("""
                select l.child_name || '|' || l.quantity || '|' || l.late_cancelled || '|' || l.unit_price || '|' || l.bracket
                       || '|' || l.sibling_rank || '|' || l.amount
                from invoice_line l join invoice i on i.id = l.invoice_id
                where i.family_file_id = ? and i.month = ? order by l.position
                """, String.class, familyFileId, month);
    }

    private String runState(ProcessInstance instance) {
        return jdbc.queryForObject("select state from billing_run where process_instance_id = ?", String.class, instance.getId());
    }

    private static int sequence(Map<String, Object> invoice) {
        String number = (String) invoice.get("number");
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }
}
