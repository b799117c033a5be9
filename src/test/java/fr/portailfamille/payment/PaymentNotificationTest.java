package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gateway's notification (IPN) over real HTTP, as SystemPay sends it: each outcome, and every way to abuse it. */
class PaymentNotificationTest extends PortalIntegrationTest {

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
        invoice = fixtures.invoice(family, "42.50");
        payment = payments.start(family.id(), List.of(invoice));
        gateway = session();
    }

    private ProcessInstance process() {
        return processInstanceQuery().processInstanceBusinessKey(payment.getId().toString())
                .processDefinitionKey(PaymentProcess.KEY).singleResult();
    }

    @Test
    void authorisedPaymentSettlesTheInvoiceAndMailsAReceipt() {
        ProcessInstance process = process();
        assertThat(process).isWaitingAt(PaymentProcess.GATEWAY_WAIT);

        WebSession.Page answer = PaymentFixtures.post(gateway, fixtures.paid(payment.getId()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("OK-");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(process).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(PaymentProcess.END_PAID);
        var mail = mailbox().await(family.email(), "Reçu de votre paiement en ligne");
        assertThat(mail.text()).contains(payment.getOrderId()).contains("42,50 €");
    }

    @Test
    void refusedPaymentLeavesTheInvoicePendingAndFreeForAnotherAttempt() {
        WebSession.Page answer = PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "REFUSED", "05", Map.of(), true));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REFUSED");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
        assertThat(process()).isNull();
        assertThat(payments.start(family.id(), List.of(invoice)).getStatus()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void cancelledPaymentLeavesTheInvoicePending() {
        WebSession.Page answer = PaymentFixtures.post(gateway, fixtures.notification(payment.getId(), "CANCELLED", "17", Map.of(), true));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("CANCELLED");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
    }

    @Test
    void duplicateNotificationIsAcknowledgedWithoutASecondSettlement() {
        Map<String, String> paid = fixtures.paid(payment.getId());
        assertThat(PaymentFixtures.post(gateway, paid).status()).isEqualTo(200);

        Map<String, String> retry = new java.util.LinkedHashMap<>(paid);
        WebSession.Page again = PaymentFixtures.post(gateway, retry);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("OK-deja traite");
        assertThat(fixtures.settlementsOf(invoice)).isEqualTo(1);
        assertThat(fixtures.notificationsOf(payment.getId())).isEqualTo(2);
    }

    @Test
    void forgedSignatureIsRefusedAndChangesNothing() {
        Map<String, String> forged = fixtures.notification(payment.getId(), "AUTHORISED", "00", Map.of("vads_amount", "1"), false);

        WebSession.Page answer = PaymentFixtures.post(gateway, forged);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
        assertThat(fixtures.notificationsOf(payment.getId())).isZero();
        assertThat(process()).isWaitingAt(PaymentProcess.GATEWAY_WAIT);
    }

    @Test
    void wrongAmountIsAnsweredKoAndFlagsThePaymentForReview() {
        Map<String, String> other = fixtures.notification(payment.getId(), "AUTHORISED", "00", Map.of("vads_amount", "100"), true);

        WebSession.Page answer = PaymentFixtures.post(gateway, other);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("KO-");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REVIEW");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
        assertThat(process()).isWaitingAt(PaymentProcess.TASK_REVIEW_REFUND);
    }

    @Test
    void wrongSiteIdIsRefusedAndChangesNothing() {
        Map<String, String> otherShop = fixtures.notification(payment.getId(), "AUTHORISED", "00", Map.of("vads_site_id", "87654321"), true);

        WebSession.Page answer = PaymentFixtures.post(gateway, otherShop);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
        assertThat(fixtures.invoiceState(invoice)).isEqualTo("PENDING");
    }

    @Test
    void aShopInProductionNeverBelievesATestNotification() {
        SystemPayConfiguration test = properties.systempay();
        SystemPayConfiguration production = new SystemPayConfiguration(test.siteId(), SystemPayConfiguration.CtxMode.PRODUCTION,
                test.testKey(), "production-key-0001", test.algorithm(), test.gatewayUrl(), test.notificationUrl(), test.returnUrl());
        SystemPayGateway shop = new SystemPayGateway(production);

        Map<String, String> signedWithTheTestKey = fixtures.paid(payment.getId());
        assertThat(shop.check(signedWithTheTestKey)).isEqualTo(SystemPayGateway.Check.TEST_IN_PRODUCTION);

        Map<String, String> productionOne = new java.util.LinkedHashMap<>(signedWithTheTestKey);
        productionOne.put("vads_ctx_mode", "PRODUCTION");
        productionOne.put("signature", SystemPaySignature.sign(productionOne, "production-key-0001", test.algorithm()));
        assertThat(shop.check(productionOne)).isEqualTo(SystemPayGateway.Check.VALID);
        productionOne.put("signature", SystemPaySignature.sign(productionOne, test.testKey(), test.algorithm()));
        assertThat(shop.check(productionOne)).as("a PRODUCTION notification signed with the TEST key")
                .isEqualTo(SystemPayGateway.Check.BAD_SIGNATURE);
    }

    @Test
    void unknownPaymentIsAnsweredKoWithoutError() {
        Map<String, String> unknown = fixtures.notification(payment.getId(), "AUTHORISED", "00",
                Map.of("vads_trans_id", "999999", "vads_order_id", "PF99999999"), true);

        WebSession.Page answer = PaymentFixtures.post(gateway, unknown);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("OK-paiement inconnu, a verifier par la regie");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
    }
}
