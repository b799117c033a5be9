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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money the bank took after the payment was already concluded (a refusal, a review, a first
 * settlement) or for an order we do not know: it always ends settled, or in a task for finances,
 * never only as a stored notification.
 */
class PaidAfterConcludedTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;
    @Autowired
    PaymentService payments;

    PaymentFixtures fixtures;
    PaymentFixtures.Family family;
    long invoice;
    Payment payment;
    WebSession gateway;

    @BeforeEach
    void aFamilyStartsAPayment() {
        fixtures = new PaymentFixtures(jdbc, properties.systempay());
        family = fixtures.family();
        invoice = fixtures.invoice(family, "18.40");
        payment = payments.start(family.id(), List.of(invoice));
        gateway = session();
    }

    private Map<String, String> paidWithAnotherTransaction(String uuid) {
        return fixtures.notification(payment.getId(), "AUTHORISED", "00", Map.of("vads_trans_uuid", uuid), true);
    }

    private ProcessInstance late() {
        return processInstanceQuery().processInstanceBusinessKey(payment.getId().toString())
                .processDefinitionKey(PaymentProcess.LATE_KEY).singleResult();
    }

    @Test
    void paidAfterARefusalSettlesTheInvoiceAndMailsTheReceipt() {
        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "REFUSED", "05", Map.of(), true));
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REFUSED");

        WebSession.Page answer = PaymentFixtures.post(gateway, paidWithAnotherTransaction("uuid-second-try"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isNotEqualTo("OK-deja traite").startsWith("OK-");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
        ProcessInstance late = late();
        assertThat(late).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
        jobs().executeDue(late.getId());
        assertThat(late).isEnded().hasPassed("EndEvent_LatePaid");
        mailbox().await(family.email(), "Reçu de votre paiement en ligne " + payment.getOrderId());

        WebSession.Page replay = PaymentFixtures.post(gateway, paidWithAnotherTransaction("uuid-second-try"));
        assertThat(replay.body()).as("the same transaction told again").isEqualTo("OK-deja traite");
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
    }

    @Test
    void paidAfterARefusalWhenTheInvoiceWasPaidMeanwhileGoesToARefundTask() {
        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "REFUSED", "05", Map.of(), true));
        Payment other = payments.start(family.id(), List.of(invoice));
        PaymentFixtures.post(gateway, fixtures.paid(other.getId()));
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");

        WebSession.Page answer = PaymentFixtures.post(gateway, paidWithAnotherTransaction("uuid-second-try"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fixtures.settlementsOf(invoice)).as("never settled twice").isEqualTo(1);
        assertThat(refunds()).isEqualTo(1);
        ProcessInstance late = late();
        assertThat(late).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
        assertThat(task(late)).hasCandidateGroup("finances").hasName("Rembourser un paiement");
        assertThat(late).variables().containsEntry(PaymentProcess.PAYMENT_AMOUNT.name(), "18,40 €");
    }

    @Test
    void paidAfterAReviewSettlesTheInvoiceAndTheFirstRefundStays() {
        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "AUTHORISED", "00",
                Map.of("vads_amount", "1", "vads_trans_uuid", "uuid-wrong-amount"), true));
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REVIEW");

        WebSession.Page answer = PaymentFixtures.post(gateway, paidWithAnotherTransaction("uuid-right-amount"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isNotEqualTo("OK-deja traite");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(refunds()).as("the wrong amount is still to refund").isEqualTo(1);
        ProcessInstance waiting = processInstanceQuery().processInstanceBusinessKey(payment.getId().toString())
                .processDefinitionKey(PaymentProcess.KEY).singleResult();
        assertThat(waiting).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
        assertThat(waiting).variables().containsEntry(PaymentProcess.PAYMENT_AMOUNT.name(), "0,01 €");
        assertThat(late()).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
    }

    @Test
    void paidTwiceWithTwoTransactionsRefundsTheSecond() {
        PaymentFixtures.post(gateway, fixtures.paid(payment.getId()));
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");

        WebSession.Page answer = PaymentFixtures.post(gateway, paidWithAnotherTransaction("uuid-paid-again"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isNotEqualTo("OK-deja traite");
        assertThat(fixtures.paymentStatus(payment.getId())).as("the first transaction still settles it").isEqualTo("PAID");
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
        assertThat(refunds()).isEqualTo(1);
        ProcessInstance late = late();
        assertThat(late).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
        complete(task(late), withVariables(PaymentProcess.REFUND_DONE.name(), true, PaymentProcess.REFUND_COMMENT.name(), "double débit remboursé"));
        assertThat(late).isEnded().hasPassed(PaymentProcess.END_REFUNDED);
        assertThat(jdbc.queryForObject("select comment from payment_refund where payment_id = ? and trans_uuid = 'uuid-paid-again'",
                String.class, payment.getId())).isEqualTo("double débit remboursé");
    }

    @Test
    void refusedAfterARefusalChangesNothing() {
        PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "REFUSED", "05", Map.of(), true));

        WebSession.Page answer = PaymentFixtures.post(gateway,
                fixtures.notification(payment.getId(), "REFUSED", "05", Map.of("vads_trans_uuid", "uuid-refused-again"), true));

        assertThat(answer.body()).isEqualTo("OK-deja traite");
        assertThat(late()).isNull();
        assertThat(refunds()).isZero();
    }

    @Test
    void paidOnAnUnknownOrderGoesToACheckTaskForFinances() {
        Map<String, String> unknown = fixtures.notification(payment.getId(), "AUTHORISED", "00",
                Map.of("vads_trans_id", "999998", "vads_order_id", "PF99999998", "vads_trans_uuid", "uuid-unknown-order"), true);

        WebSession.Page answer = PaymentFixtures.post(gateway, unknown);
        PaymentFixtures.post(gateway, unknown); // the gateway's retry: still one task

        assertThat(answer.status()).isEqualTo(200);
        List<ProcessInstance> checks = processInstanceQuery().processDefinitionKey(PaymentProcess.CHECK_KEY)
                .variableValueEquals(PaymentProcess.PAYMENT_REFERENCE.name(), "commande PF99999998, transaction 999998 du "
                        + unknown.get("vads_trans_date").substring(6, 8) + "/" + unknown.get("vads_trans_date").substring(4, 6) + "/"
                        + unknown.get("vads_trans_date").substring(0, 4)).list();
        assertThat(checks).hasSize(1);
        ProcessInstance check = checks.get(0);
        assertThat(check).isWaitingAt(PaymentProcess.TASK_CHECK_PAYMENT);
        assertThat(task(check)).hasCandidateGroup("finances").hasName("Vérifier un paiement");
        assertThat(check).variables().containsEntry(PaymentProcess.PAYMENT_AMOUNT.name(), "18,40 €");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");

        assertThatThrownBy(() -> complete(task(check), withVariables(PaymentProcess.CHECK_DONE.name(), false)))
                .hasMessageContaining("J'ai vérifié ce paiement");
        complete(task(check), withVariables(PaymentProcess.CHECK_DONE.name(), true, PaymentProcess.CHECK_COMMENT.name(), "remboursé, commande d'essai"));
        assertThat(check).isEnded().hasPassed(PaymentProcess.END_CHECKED);
        assertThat(jdbc.queryForObject("select review_comment from payment_notification where trans_uuid = 'uuid-unknown-order'"
                + " and reviewed_at is not null", String.class)).isEqualTo("remboursé, commande d'essai");
    }

    @Test
    void refusedOnAnUnknownOrderNeedsNoTask() {
        Map<String, String> unknown = fixtures.notification(payment.getId(), "REFUSED", "05",
                Map.of("vads_trans_id", "999997", "vads_order_id", "PF99999997", "vads_trans_uuid", "uuid-unknown-refused"), true);

        WebSession.Page answer = PaymentFixtures.post(gateway, unknown);

        assertThat(answer.body()).isEqualTo("KO-paiement inconnu");
        assertThat(processInstanceQuery().processDefinitionKey(PaymentProcess.CHECK_KEY)
                .variableValueLike(PaymentProcess.PAYMENT_REFERENCE.name(), "commande PF99999997%").count()).isZero();
    }

    private int refunds() {
        return jdbc.queryForObject("select count(*) from payment_refund where payment_id = ?", Integer.class, payment.getId());
    }
}
