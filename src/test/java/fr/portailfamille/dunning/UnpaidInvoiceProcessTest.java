package fr.portailfamille.dunning;

import static fr.portailfamille.dunning.UnpaidInvoiceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.Mailbox;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.export.SpreadsheetCsv;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code unpaidInvoice}, the timers moved by the engine's clock: paid before the
 * first reminder, between the reminders, after them (task open); a payment the process was not told
 * of; hand-over, write-off, a plan paid (at the desk, without the process told, the rest by card) and a
 * plan missed; a payment in flight while a reminder is due; a family without e-mail reminded by a letter.
 */
class UnpaidInvoiceProcessTest extends PortalIntegrationTest {

    /** Due on Monday 3 March 2031: first reminder Thursday 13 March, second Wednesday 2 April. */
    static final LocalDate DUE = LocalDate.of(2031, 3, 3);

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired UnpaidInvoiceStarter starter;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Invoices invoices;
    @Autowired ReminderLetters letters;
    @Autowired HandOverExport handOver;
    @Autowired Clock clock;

    DunningFixtures data;

    @BeforeEach
    void data() {
        at(DUE.minusDays(20));
        data = new DunningFixtures(jdbc, transaction, events, starter, runtime);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    @Test
    void paidBeforeTheFirstReminder_theProcessEndsAndNothingIsSent() {
        long family = data.family("AVANCE", true);
        PendingInvoice invoice = data.invoice(family, DUE, "42.50");
        ProcessInstance pi = data.follow(invoice);
        assertThat(pi).isWaitingAt(TIMER_FIRST);
        assertThat(jobDue(pi)).isEqualTo(parisTime(LocalDate.of(2031, 3, 13), 9));

        payByCard(invoice);

        assertThat(pi).isEnded().hasPassed(END_PAID_MESSAGE);
        at(DUE.plusDays(40));
        jobs().executeDue(pi.getId());
        assertThat(reminders(invoice)).isZero();
        assertThat(mailbox().to(data.emailOf(family))).isEmpty();
        assertThat(caseState(invoice)).isEqualTo("PAID");
    }

    @Test
    void paidBetweenTheReminders_oneReminderMailedThenTheProcessEnds() {
        long family = data.family("ENTREDEUX", true);
        PendingInvoice invoice = data.invoice(family, DUE, "42.50");
        ProcessInstance pi = data.follow(invoice);

        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());

        assertThat(pi).hasPassed(TASK_FIRST).isWaitingAt(TIMER_SECOND);
        Mailbox.Mail mail = mailbox().await(data.emailOf(family), "Rappel : facture " + invoice.number() + " non réglée");
        assertThat(mail.text()).contains("Famille ENTREDEUX", "dont il reste 42,50 € à régler", "à payer avant le 03/03/2031",
                "dans les 10 jours");
        assertThat(jobDue(pi)).isEqualTo(parisTime(LocalDate.of(2031, 4, 2), 9));

        payByCard(invoice);

        assertThat(pi).isEnded().hasPassed(END_PAID_MESSAGE).hasNotPassed(TASK_SECOND);
        assertThat(reminders(invoice)).isEqualTo(1);
    }

    @Test
    void unpaidAfterBothReminders_theFinancesTaskShowsEverything_thenThePaymentClosesIt() {
        long family = data.family("APRES", true);
        PendingInvoice invoice = data.invoice(family, DUE, "30.00");
        ProcessInstance pi = bothReminders(invoice);

        Mailbox.Mail second = mailbox().await(data.emailOf(family), "Seconde relance : facture " + invoice.number());
        assertThat(second.text()).contains("titre de recette", "comptable public");
        assertThat(pi).isWaitingAt(TASK_DECIDE);
        Task task = task(pi);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finances"));
        Map<String, Object> variables = tasks.getVariables(task.getId());
        assertThat((String) variables.get(DescribeRevenueOrderListener.FAMILY)).contains("APRES", data.numberOf(family));
        assertThat((String) variables.get(DescribeRevenueOrderListener.AMOUNT_DUE)).startsWith("30,00 €");
        assertThat((String) variables.get(DescribeRevenueOrderListener.INVOICES)).contains(invoice.number());
        assertThat((String) variables.get(DescribeRevenueOrderListener.REMINDERS)).contains("1re relance par courriel le 13/03/2031",
                "2e relance par courriel le 02/04/2031");
        assertThat((String) variables.get(DescribeRevenueOrderListener.PAYMENTS)).isEqualTo("Aucun paiement enregistré.");

        payByCard(invoice);

        assertThat(pi).isEnded().hasPassed(END_PAID_MESSAGE);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aPaymentTheProcessWasNotToldOf_noReminderAtTheTimer() {
        long family = data.family("SILENCE", true);
        PendingInvoice invoice = data.invoice(family, DUE, "18.00");
        ProcessInstance pi = data.follow(invoice);
        // paid without the message (e.g. the node stopped right after the payment's commit)
        data.paymentUntold(invoice.id(), "18.00");

        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());

        assertThat(pi).isEnded().hasPassed(END_PAID_AFTER_FIRST);
        assertThat(reminders(invoice)).isZero();
        assertThat(mailbox().to(data.emailOf(family))).isEmpty();
        assertThat(caseState(invoice)).as("the check that found it paid closes its case").isEqualTo("PAID");
    }

    @Test
    void handedOver_theInvoiceIsInTheMonthsExportForTheFinanceSoftware() {
        long family = data.family("TRESOR", true);
        PendingInvoice invoice = data.invoice(family, DUE, "64.20");
        ProcessInstance pi = bothReminders(invoice);

        complete(pi, Map.of(DECISION.name(), DECISION_HAND_OVER));

        assertThat(pi).isEnded().hasPassed(END_HANDED_OVER);
        assertThat(jdbc.queryForMap("select state, decided_by from dunning_case where invoice_id = ?", invoice.id()))
                .containsEntry("state", "HANDED_OVER").containsEntry("decided_by", "finances");
        List<List<Object>> rows = handOver.rows(YearMonth.from(LocalDate.now(clock)));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(invoice.number()).contains("TRESOR", 2L));
        String csv = new String(SpreadsheetCsv.bytes(handOver.rows(new fr.portailfamille.system.export.StaffExport.Request(
                YearMonth.from(LocalDate.now(clock)), null, java.util.Set.of()))), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFFacture;Période;Dossier famille;Famille;Montant initial;Reste dû;");
        assertThat(csv).contains(invoice.number() + ";").contains(";64,20;64,20;03/03/2031;2;");
    }

    @Test
    void writtenOff_onlyWithAReason() {
        long family = data.family("NONVALEUR", true);
        PendingInvoice invoice = data.invoice(family, DUE, "12.00");
        ProcessInstance pi = bothReminders(invoice);

        assertThatThrownBy(() -> complete(pi, Map.of(DECISION.name(), DECISION_WRITE_OFF, WRITE_OFF_REASON.name(), "  ")))
                .hasMessageContaining("Indiquez le motif de l'abandon de la créance.");
        assertThat(pi).isWaitingAt(TASK_DECIDE);

        complete(pi, Map.of(DECISION.name(), DECISION_WRITE_OFF, WRITE_OFF_REASON.name(), "Famille partie sans adresse"));

        assertThat(pi).isEnded().hasPassed(END_WRITTEN_OFF);
        assertThat(jdbc.queryForMap("select state, write_off_reason from dunning_case where invoice_id = ?", invoice.id()))
                .containsEntry("state", "WRITTEN_OFF").containsEntry("write_off_reason", "Famille partie sans adresse");
    }

    @Test
    void planGranted_eachInstalmentPaidAtTheDesk_theProcessEndsWithTheLast() {
        long family = data.family("ECHEANCES", true);
        PendingInvoice invoice = data.invoice(family, DUE, "50.00");
        ProcessInstance pi = bothReminders(invoice);

        assertThatThrownBy(() -> complete(pi, Map.of(DECISION.name(), DECISION_PLAN, PLAN_TEXT.name(), "05/05/2031 20,00\n05/06/2031 20,00")))
                .hasMessageContaining("Les échéances totalisent 40,00 € : elles doivent totaliser exactement 50,00 €");
        complete(pi, Map.of(DECISION.name(), DECISION_PLAN, PLAN_TEXT.name(), "05/05/2031 20,00\n05/06/2031 30,00"));
        assertThat(pi).isWaitingAt(TIMER_INSTALMENT);
        assertThat(caseState(invoice)).isEqualTo("PLAN");

        assertThatThrownBy(() -> payAtTheDesk(data.invoice(data.family("SANSPLAN", true), DUE, "50.00"), "20,00"))
                .hasMessageContaining("Un paiement partiel n'est pas accepté");
        at(LocalDate.of(2031, 5, 2).atTime(10, 0));
        payAtTheDesk(invoice, "20,00");
        at(LocalDate.of(2031, 5, 15).atTime(10, 0));
        jobs().executeDue(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_INSTALMENT);
        assertThat(instalmentStates(invoice)).containsExactly("PAID", "PLANNED");
        assertThat(reminders(invoice)).as("the two reminders, no instalment reminder").isEqualTo(2);

        payAtTheDesk(invoice, "30,00");
        assertThat(pi).as("the last instalment pays the invoice: the process ends at once").isEnded().hasPassed(END_PAID_MESSAGE);
        at(LocalDate.of(2031, 6, 16).atTime(10, 0));
        jobs().executeDue(pi.getId());

        assertThat(jdbc.queryForList("select mode from invoice_payment where invoice_id = ? order by id", String.class, invoice.id()))
                .containsExactly("CHEQUE", "CHEQUE");
        assertThat(instalmentStates(invoice)).containsExactly("PAID", "PAID");
        assertThat(mailbox().to(data.emailOf(family))).noneMatch(m -> m.subject().startsWith("Échéance non réglée"));
    }

    @Test
    void planGranted_theWholeDebtPaidUntold_theInstalmentCheckEndsThePlanPaid() {
        Planned plan = planOf50("SOLDEE");

        // the whole debt paid before the first instalment, without the message (the node stopped after the payment's commit)
        paidUntold(plan, "50.00", LocalDate.of(2031, 5, 2), LocalDate.of(2031, 5, 15));

        assertThat(plan.process()).as("the instalment check finds the invoice paid").isEnded().hasPassed(TASK_CHECK_INSTALMENT, END_PAID_BY_PLAN)
                .hasNotPassed(END_PAID_MESSAGE);
        planSettledWithoutAnInstalmentReminder(plan);
    }

    @Test
    void planGranted_eachInstalmentPaidWithoutItsMessage_theLockedCheckSeesItPaid() {
        Planned plan = planOf50("MUETTE");
        PendingInvoice invoice = plan.invoice();
        ProcessInstance pi = plan.process();

        // the first instalment paid on time, the process not told (a part payment tells it nothing: only billing knows)
        paidUntold(plan, "20.00", LocalDate.of(2031, 5, 5), LocalDate.of(2031, 5, 15));
        assertThat(pi).as("the check read what billing records as paid").isWaitingAt(TIMER_INSTALMENT);
        assertThat(instalmentStates(invoice)).containsExactly("PAID", "PLANNED");
        assertThat(jobDue(pi)).as("the next check: the second instalment's date + 10 days, on a working day")
                .isEqualTo(parisTime(LocalDate.of(2031, 6, 16), 9));

        // the last instalment pays the invoice, and the message to the process is lost (the node stopped after the commit)
        paidUntold(plan, "30.00", LocalDate.of(2031, 6, 5), LocalDate.of(2031, 6, 16));

        assertThat(pi).isEnded().hasPassed(END_PAID_BY_PLAN).hasNotPassed(END_PAID_MESSAGE);
        planSettledWithoutAnInstalmentReminder(plan);
    }

    @Test
    void planGranted_theRestPaidOnlineByCard_theProcessEndsAndThePlanIsSettled() {
        Planned plan = planOf50("ENLIGNE");
        at(LocalDate.of(2031, 5, 2).atTime(10, 0));
        payAtTheDesk(plan.invoice(), "20,00");

        // « Payer en ligne » offers the invoice under a plan for what it still owes: the card pays the rest at once
        assertThat(invoices.pending(plan.family())).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(plan.invoice().id());
            assertThat(p.amountDue()).isEqualByComparingTo("30.00");
        });
        at(LocalDate.of(2031, 5, 20).atTime(10, 0));
        payByCard(plan.invoice());

        assertThat(plan.process()).isEnded().hasPassed(END_PAID_MESSAGE);
        planSettledWithoutAnInstalmentReminder(plan);
        assertThat(jdbc.queryForList("select mode || ' ' || amount from invoice_payment where invoice_id = ? order by id", String.class,
                plan.invoice().id())).containsExactly("CHEQUE 20.00", "EN_LIGNE 30.00");
    }

    @Test
    void planGranted_anInstalmentMissed_remindedOnceThenBackToTheFinances() {
        long family = data.family("MANQUEE", true);
        PendingInvoice invoice = data.invoice(family, DUE, "50.00");
        ProcessInstance pi = planGranted(invoice, "05/05/2031 25,00\n05/06/2031 25,00");

        at(LocalDate.of(2031, 5, 15).atTime(10, 0));
        jobs().executeDue(pi.getId());
        Mailbox.Mail reminder = mailbox().await(data.emailOf(family), "Échéance non réglée : facture " + invoice.number());
        assertThat(reminder.text()).contains("L'échéance du 05/05/2031 de votre échéancier (25,00 €");
        assertThat(pi).isWaitingAt(TIMER_INSTALMENT);

        at(LocalDate.of(2031, 6, 5).atTime(10, 0));
        jobs().executeDue(pi.getId());

        assertThat(pi).isWaitingAt(TASK_DECIDE);
        assertThat(instalmentStates(invoice)).containsExactly("MISSED", "PLANNED");
        assertThat((String) tasks.getVariables(task(pi).getId()).get(DescribeRevenueOrderListener.PLAN))
                .contains("Échéance 1 : 25,00 € le 05/05/2031 (non réglée)");
        complete(pi, Map.of(DECISION.name(), DECISION_HAND_OVER));
        assertThat(pi).isEnded().hasPassed(END_HANDED_OVER);
    }

    @Test
    void aPaymentInFlightWhenTheReminderIsDue_noReminderGoesOut() throws Exception {
        long family = data.family("COURSE", true);
        PendingInvoice invoice = data.invoice(family, DUE, "33.00");
        ProcessInstance pi = data.follow(invoice);
        at(LocalDate.of(2031, 3, 13).atTime(9, 30));

        CountDownLatch paidNotCommitted = new CountDownLatch(1);
        Thread payer = new Thread(() -> transaction.executeWithoutResult(status -> {
            assertThat(invoices.settle(family, List.of(invoice.id()), "TEST-COURSE", clock.instant())).isTrue();
            paidNotCommitted.countDown();
            // the bank's notification is still being applied when the timer fires
            DunningFixtures.sleep(3000);
        }));
        payer.start();
        assertThat(paidNotCommitted.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            jobs().executeDue(pi.getId());
        } catch (OptimisticLockingException e) {
            // the payment's message ended the process first: the timer's attempt is rolled back
        }
        payer.join();
        jobs().executeDue(pi.getId());

        assertThat(pi).isEnded();
        assertThat(reminders(invoice)).isZero();
        DunningFixtures.sleep(1000);
        assertThat(mailbox().to(data.emailOf(family))).isEmpty();
    }

    @Test
    void aFamilyWithoutEmail_getsALetterInTheDaysPrintableBatch() throws Exception {
        long family = data.family("SANSMAIL", false);
        PendingInvoice invoice = data.invoice(family, DUE, "27.40");
        ProcessInstance pi = data.follow(invoice);

        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());

        assertThat(jdbc.queryForObject("select channel from dunning_reminder where invoice_id = ?", String.class, invoice.id()))
                .isEqualTo("LETTER");
        assertThat(letters.of(LocalDate.of(2031, 3, 13))).anySatisfy(l -> assertThat(l.invoiceNumber()).isEqualTo(invoice.number()));
        String text;
        try (PDDocument pdf = Loader.loadPDF(letters.pdf(LocalDate.of(2031, 3, 13)))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("Régie unique", "Camille SANSMAIL", "12 rue des Lilas", "99999", "Belcourt",
                "Objet : Rappel : facture " + invoice.number() + " non réglée", "27,40 €", "Le 13/03/2031");
    }

    // --- helpers ---

    private ProcessInstance bothReminders(PendingInvoice invoice) {
        ProcessInstance pi = data.follow(invoice);
        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());
        at(LocalDate.of(2031, 4, 2).atTime(9, 30));
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(TASK_FIRST, TASK_SECOND).isWaitingAt(TASK_DECIDE);
        return pi;
    }

    /** A family's invoice reminded twice, then its plan granted. */
    private record Planned(long family, PendingInvoice invoice, ProcessInstance process) {}

    /** 50,00 € due on {@link #DUE}, reminded twice, then a plan of 20,00 € on 5 May 2031 and 30,00 € on 5 June 2031. */
    private Planned planOf50(String familyName) {
        long family = data.family(familyName, true);
        PendingInvoice invoice = data.invoice(family, DUE, "50.00");
        return new Planned(family, invoice, planGranted(invoice, "05/05/2031 20,00\n05/06/2031 30,00"));
    }

    /** Both reminders sent, then finances grant this plan: the process waits for its first instalment. */
    private ProcessInstance planGranted(PendingInvoice invoice, String plan) {
        ProcessInstance pi = bothReminders(invoice);
        complete(pi, Map.of(DECISION.name(), DECISION_PLAN, PLAN_TEXT.name(), plan));
        assertThat(pi).isWaitingAt(TIMER_INSTALMENT);
        return pi;
    }

    /** Paid on that day without the process told (no event), then the process's due jobs run on the check day at 10. */
    private void paidUntold(Planned plan, String amount, LocalDate paidOn, LocalDate checkedOn) {
        at(paidOn.atTime(11, 0));
        data.paymentUntold(plan.invoice().id(), amount);
        at(checkedOn.atTime(10, 0));
        jobs().executeDue(plan.process().getId());
    }

    /** The plan settled: every instalment paid, the case closed, the two reminders only, no instalment reminder mailed. */
    private void planSettledWithoutAnInstalmentReminder(Planned plan) {
        assertThat(instalmentStates(plan.invoice())).containsExactly("PAID", "PAID");
        assertThat(caseState(plan.invoice())).isEqualTo("PAID");
        assertThat(reminders(plan.invoice())).as("the two reminders, no instalment reminder").isEqualTo(2);
        assertThat(mailbox().to(data.emailOf(plan.family()))).noneMatch(m -> m.subject().startsWith("Échéance non réglée"));
    }

    private void payByCard(PendingInvoice invoice) {
        transaction.executeWithoutResult(status ->
                assertThat(invoices.settle(invoice.familyFileId(), List.of(invoice.id()), "TEST-CB", clock.instant())).isTrue());
    }

    /** « Enregistrer un paiement au guichet », started by finances with its start form as in Tasklist. */
    private void payAtTheDesk(PendingInvoice invoice, String amount) {
        List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember("finances").list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("deskPayment")
                .latestVersion().singleResult().getId();
        processEngine.getIdentityService().setAuthentication("finances", groups);
        try {
            processEngine.getFormService().submitStartForm(definition, Map.of("fileNumber", data.numberOf(invoice.familyFileId()),
                    "paymentMode", "CHEQUE", "amount", amount, "invoiceNumbers", invoice.number()));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_DECIDE).singleResult();
    }

    private void complete(ProcessInstance pi, Map<String, Object> variables) {
        List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember("finances").list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        processEngine.getIdentityService().setAuthentication("finances", groups);
        try {
            tasks.complete(task(pi).getId(), variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private int reminders(PendingInvoice invoice) {
        return jdbc.queryForObject("select count(*) from dunning_reminder where invoice_id = ?", Integer.class, invoice.id());
    }

    private String caseState(PendingInvoice invoice) {
        return jdbc.queryForObject("select state from dunning_case where invoice_id = ?", String.class, invoice.id());
    }

    private List<String> instalmentStates(PendingInvoice invoice) {
        return jdbc.queryForList("select state from dunning_instalment where invoice_id = ? order by position", String.class, invoice.id());
    }

    private Date jobDue(ProcessInstance pi) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getDuedate();
    }

    private static Date parisTime(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(PortalTime.ZONE).toInstant());
    }

    private static void at(LocalDate day) {
        at(day.atTime(10, 0));
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(PortalTime.ZONE).toInstant()));
    }
}
