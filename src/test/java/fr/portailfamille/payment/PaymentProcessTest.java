package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code invoicePayment}, {@code latePayment} and {@code paymentReconciliation}, and
 * the crashes between storing, applying and telling a notification.
 */
class PaymentProcessTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;
    @Autowired
    PaymentService payments;
    @Autowired
    NotificationService notifications;
    @Autowired
    PaymentReconciliation reconciliation;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    PaymentFixtures fixtures;
    PaymentFixtures.Family family;
    long invoice;
    WebSession gateway;

    @BeforeEach
    void aFamilyWithAnInvoice() {
        fixtures = new PaymentFixtures(jdbc, properties.systempay());
        family = fixtures.family();
        invoice = fixtures.invoice(family, "30.00");
        gateway = session();
    }

    private ProcessInstance processOf(Payment payment, String key) {
        return processInstanceQuery().processInstanceBusinessKey(payment.getId().toString()).processDefinitionKey(key).singleResult();
    }

    private void timerFires(ProcessInstance process) {
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        management.executeJob(timer.getId());
    }

    @Test
    void paidThenReceiptMailed() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);

        PaymentFixtures.post(gateway, fixtures.paid(payment.getId()));
        assertThat(process).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
        jobs().executeDue(process.getId());

        assertThat(process).isEnded().hasPassed(PaymentProcess.EVENT_NOTIFIED, PaymentProcess.TASK_SEND_RECEIPT, PaymentProcess.END_PAID);
        mailbox().await(family.email(), "Reçu de votre paiement en ligne " + payment.getOrderId());
    }

    @Test
    void abandonedAtTheBankThenInvoicesReleased() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);

        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "ABANDONED", "17", Map.of(), true));

        assertThat(process).isEnded().hasPassed(PaymentProcess.END_NOT_PAID);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("ABANDONED");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
    }

    @Test
    void noNotificationThenTimerExpiresThePaymentAndReleasesTheInvoice() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);

        timerFires(process);

        assertThat(process).isEnded().hasPassed(PaymentProcess.TIMER_TIMEOUT, PaymentProcess.TASK_EXPIRE, PaymentProcess.END_EXPIRED);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("EXPIRED");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
        assertThat(payments.start(family.id(), List.of(invoice)).getStatus()).as("the invoice can be paid again").isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void lateValidNotificationAfterExpirySettlesTheStillUnpaidInvoice() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        timerFires(processOf(payment, PaymentProcess.KEY));

        WebSession.Page answer = PaymentFixtures.post(gateway, fixtures.paid(payment.getId()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("OK-");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");
        ProcessInstance late = processOf(payment, PaymentProcess.LATE_KEY);
        assertThat(late).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
        jobs().executeDue(late.getId());
        assertThat(late).isEnded().hasPassed("EndEvent_LatePaid");
        mailbox().await(family.email(), "Reçu de votre paiement en ligne " + payment.getOrderId());
    }

    @Test
    void lateNotificationForInvoicesPaidMeanwhileGoesToARefundTaskForFinances() {
        Payment first = payments.start(family.id(), List.of(invoice));
        timerFires(processOf(first, PaymentProcess.KEY));
        Payment second = payments.start(family.id(), List.of(invoice));
        PaymentFixtures.post(gateway, fixtures.paid(second.getId()));
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");

        WebSession.Page answer = PaymentFixtures.post(gateway, fixtures.paid(first.getId()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fixtures.paymentStatus(first.getId())).isEqualTo("REVIEW");
        assertThat(fixtures.settlementsOf(invoice)).as("never settled twice").isEqualTo(1);
        ProcessInstance late = processOf(first, PaymentProcess.LATE_KEY);
        assertThat(late).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
        assertThat(task(late)).hasCandidateGroup("finances").hasName("Rembourser un paiement");
        assertThat(late).variables().containsEntry(PaymentProcess.PAYMENT_AMOUNT.name(), "30,00 €")
                .containsEntry(PaymentProcess.PAYMENT_REFERENCE.name(), first.getOrderId() + " / transaction " + first.getTransId() + " du "
                        + first.getTransDate().substring(6, 8) + "/" + first.getTransDate().substring(4, 6) + "/" + first.getTransDate().substring(0, 4));

        assertThatThrownBy(() -> complete(task(late), withVariables(PaymentProcess.REFUND_DONE.name(), false)))
                .hasMessageContaining("J'ai remboursé ce paiement");
        complete(task(late), withVariables(PaymentProcess.REFUND_DONE.name(), true, PaymentProcess.REFUND_COMMENT.name(), "remboursé le jour même"));

        assertThat(late).isEnded().hasPassed(PaymentProcess.TASK_RECORD_REFUND, PaymentProcess.END_REFUNDED);
        assertThat(jdbc.queryForObject("select comment from payment_refund where payment_id = ? and done_at is not null",
                String.class, first.getId())).isEqualTo("remboursé le jour même");
    }

    @Test
    void amountMismatchThenRefundReviewedByFinances() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);

        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "AUTHORISED", "00", Map.of("vads_amount", "1"), true));

        assertThat(process).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
        assertThat(process).variables().containsEntry(PaymentProcess.PAYMENT_AMOUNT.name(), "0,01 €");
        complete(task(process), withVariables(PaymentProcess.REFUND_DONE.name(), true));
        assertThat(process).isEnded().hasPassed(PaymentProcess.END_REFUNDED);
    }

    @Test
    void crashBetweenStoringAndApplyingTheNotificationSettlesExactlyOnceOnRestart() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);
        Map<String, String> paid = fixtures.paid(payment.getId());

        notifications.store(paid); // … and the application stops here
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");

        reconciliation.replayAtStart(); // what runs at the next start
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(process).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);

        WebSession.Page retry = PaymentFixtures.post(gateway, paid); // the gateway retries: it got no answer
        assertThat(retry.body()).isEqualTo("OK-deja traite");
        reconciliation.replayAtStart();
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(PaymentProcess.END_PAID);
    }

    @Test
    void crashBetweenApplyingAndTellingTheProcessStillEndsPaidWhenTheTimerFires() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        ProcessInstance process = processOf(payment, PaymentProcess.KEY);

        notifications.apply(notifications.store(fixtures.paid(payment.getId()))); // settled, then the application stops
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(process).isWaitingAt(PaymentProcess.GATEWAY_WAIT);

        timerFires(process);
        assertThat(fixtures.paymentStatus(payment.getId())).as("the expiry step never undoes a payment").isEqualTo("PAID");
        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(PaymentProcess.TASK_EXPIRE, PaymentProcess.TASK_SEND_RECEIPT, PaymentProcess.END_PAID);
        reconciliation.replayAtStart();
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from payment_notification where payment_id = ? and correlated_at is null",
                Integer.class, payment.getId())).isZero();
    }

    @Test
    void dailyReconciliationHandsPaymentsPendingTooLongToFinances() {
        Payment payment = payments.start(family.id(), List.of(invoice));
        jdbc.update("update payment set created_at = now() - interval '3 hours' where id = ?", payment.getId());

        ProcessInstance reconciliationRun = runtime.createProcessInstanceQuery().processInstanceId(runReconciliation()).singleResult();

        assertThat(reconciliationRun).isWaitingAt(PaymentProcess.TASK_REVIEW_PENDING);
        assertThat(task(reconciliationRun)).hasCandidateGroup("finances");
        assertThat((String) runtime.getVariable(reconciliationRun.getId(), PaymentProcess.STALE_LIST.name())).contains(payment.getOrderId());
        assertThatThrownBy(() -> complete(task(reconciliationRun), withVariables("pendingChecked", false)))
                .hasMessageContaining("J'ai vérifié ces paiements");
        complete(task(reconciliationRun), withVariables("pendingChecked", true));
        assertThat(reconciliationRun).isEnded().hasPassed(PaymentProcess.END_PENDING_REVIEWED);
        timerFires(processOf(payment, PaymentProcess.KEY));
    }

    @Test
    void dailyReconciliationEndsWhenNothingIsPendingTooLong() {
        // what the payments' own timers do: anything older than the timeout is expired first
        jdbc.update("update payment_invoice set pending = false where payment_id in (select id from payment where status = 'PENDING' "
                + "and created_at < now() - interval '30 minutes')");
        jdbc.update("update payment set status = 'EXPIRED' where status = 'PENDING' and created_at < now() - interval '30 minutes'");

        String reconciliationRun = runReconciliation();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(reconciliationRun).count()).as("ended").isZero();
        assertThat(BpmnAwareTests.historyService().createHistoricActivityInstanceQuery().processInstanceId(reconciliationRun)
                .activityId(PaymentProcess.END_NOTHING_PENDING).count()).isEqualTo(1);
    }

    /** The daily timer fires: returns the id of the new reconciliation instance. */
    private String runReconciliation() {
        Set<String> before = processInstanceIds();
        Job start = management.createJobQuery().processDefinitionKey(PaymentProcess.RECONCILIATION_KEY).timers().singleResult();
        management.executeJob(start.getId());
        return BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PaymentProcess.RECONCILIATION_KEY).list().stream()
                .map(h -> h.getId()).filter(i -> !before.contains(i)).findFirst().orElseThrow();
    }

    private Set<String> processInstanceIds() {
        return BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PaymentProcess.RECONCILIATION_KEY).list().stream().map(h -> h.getId()).collect(Collectors.toSet());
    }
}
