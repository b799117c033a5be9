package fr.portailfamille.debit;

import static fr.portailfamille.debit.DirectDebitCollectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.PortalTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders of a family in a SEPA debit batch, end to end with the reminder process: the
 * invoice published for a family with a mandate joins the month's batch and its {@code unpaidInvoice}
 * process waits for the day after the debit, while the same invoice of a family without mandate is
 * reminded on its usual day; the batch transmitted pays the invoice, the process ends and no
 * reminder ever goes out. The timers are moved by the engine's clock.
 */
class DebitRemindersTest extends PortalIntegrationTest {

    /** Publication on Monday 3 March 2031; the invoices due the next day. */
    static final LocalDateTime PUBLISHED = LocalDate.of(2031, 3, 3).atTime(10, 0);
    static final LocalDate DUE = LocalDate.of(2031, 3, 4);

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;

    private DebitFixtures fixtures;
    private YearMonth month;

    @BeforeEach
    void fixtures() {
        fixtures = new DebitFixtures(jdbc, encoder);
        month = fixtures.monthOfItsOwn(2200);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFamilyInADebitBatchIsNotRemindedBeforeTheDayAfterTheDebit_thenTheDebitPaysTheInvoiceAndNoReminderGoesOut() {
        DebitFixtures.Family debited = fixtures.withMandate(session(), "RELANCE", DebitFixtures.IBAN_1);
        DebitFixtures.Family withoutMandate = fixtures.family("SANSMANDAT");
        at(PUBLISHED);
        PendingInvoice inBatch = fixtures.invoice(debited, month, DUE, "45.50");
        PendingInvoice notInBatch = fixtures.invoice(withoutMandate, month, DUE, "20.00");

        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(inBatch, notInBatch))));

        // the debit: 14 days' notice from the publication, Monday 17 March
        LocalDate debitDay = jdbc.queryForObject("select collection_date from debit_batch where month = ?", LocalDate.class, month.toString());
        assertThat(debitDay).isEqualTo(LocalDate.of(2031, 3, 17));
        ProcessInstance waiting = followed(inBatch);
        ProcessInstance reminded = followed(notInBatch);
        assertThat(firstReminderDue(waiting)).as("the day after the debit, at 9").isEqualTo(parisTime(LocalDate.of(2031, 3, 18), 9));
        assertThat(firstReminderDue(reminded)).as("due date + 10 days, at 9").isEqualTo(parisTime(LocalDate.of(2031, 3, 14), 9));

        // Friday 14 March: the family without mandate is reminded, the family in the batch is not
        at(LocalDate.of(2031, 3, 14).atTime(10, 0));
        jobs().executeDue(reminded.getId());
        jobs().executeDue(waiting.getId());
        assertThat(mailbox().await(withoutMandate.email(), "Rappel : facture " + notInBatch.number() + " non réglée")).isNotNull();
        BpmnAwareTests.assertThat(waiting).isWaitingAt("Timer_FirstReminder");
        assertThat(remindersOf(inBatch)).isZero();

        // finances transmit the batch before the debit day: the bank takes the invoice, which is paid
        ProcessInstance collection = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("PRLV-" + month).singleResult();
        jobs().executeDue(collection.getId());
        assertThat(fixtures.finances(session()).get("/agent/prelevement/lots/"
                + jdbc.queryForObject("select id from debit_batch where month = ?", Long.class, month.toString()) + "/fichier").status())
                .isEqualTo(200);
        complete(task(collection), withVariables("decision", TRANSMIT_CHOICE));
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, inBatch.id())).isEqualTo("PAID");

        BpmnAwareTests.assertThat(waiting).isEnded().hasPassed("EndEvent_PaidMessage").hasNotPassed("Task_SendFirstReminder");
        at(LocalDate.of(2031, 3, 19).atTime(10, 0));
        jobs().executeDue(waiting.getId());
        assertThat(remindersOf(inBatch)).isZero();
        assertThat(jdbc.queryForObject("select state from dunning_case where invoice_id = ?", String.class, inBatch.id())).isEqualTo("PAID");
        assertThat(mailbox().to(debited.email())).noneMatch(m -> m.subject().startsWith("Rappel") || m.subject().startsWith("Seconde relance"));
    }

    /** The invoice's {@code unpaidInvoice} process, started by the reminders' module after the publication commits. */
    private ProcessInstance followed(PendingInvoice invoice) {
        AtomicReference<ProcessInstance> instance = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            instance.set(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("unpaidInvoice")
                    .processInstanceBusinessKey("REL-" + invoice.number()).singleResult());
            assertThat(instance.get()).isNotNull();
        });
        return instance.get();
    }

    private Date firstReminderDue(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
    }

    private int remindersOf(PendingInvoice invoice) {
        return jdbc.queryForObject("select count(*) from dunning_reminder where invoice_id = ?", Integer.class, invoice.id());
    }

    private static Date parisTime(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(PortalTime.ZONE).toInstant());
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(PortalTime.ZONE).toInstant()));
    }
}
