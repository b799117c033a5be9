package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PayFiP « Régie Web-service » end to end over real HTTP and real SOAP, the Treasury played by its
 * simulator: paid (two invoices in one payment), refused, abandoned, a forged notification, a lost
 * one made good by the reconciliation, a replayed one, and hostile input on the notification URL.
 */
class PayFipPaymentTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;
    @Autowired
    PaymentService payments;
    @Autowired
    PayFipPayments payFip;
    @Autowired
    PayFipGateway payFipGateway;
    @Autowired
    PayFipSimulator treasury;
    @Autowired
    PaymentRepository repository;
    @Autowired
    PaymentReconciliation reconciliation;
    @Autowired
    ManagementService management;

    PaymentFixtures fixtures;
    PaymentFixtures.Family family;
    long first;
    long second;
    Payment payment;
    String idOp;
    WebSession outsider;

    @BeforeEach
    void aFamilyPaysTwoInvoicesWithPayFiP() {
        fixtures = new PaymentFixtures(jdbc, properties.systempay());
        family = fixtures.family();
        first = fixtures.invoice(family, "42.50");
        second = fixtures.invoice(family, "7.10");
        payment = payments.start(family.id(), List.of(first, second), PaymentGateway.PAYFIP);
        idOp = payFip.operationOf(payments.ofFamily(payment.getId(), family.id()).orElseThrow()).orElseThrow();
        outsider = session();
    }

    private ProcessInstance process() {
        return processInstanceQuery().processInstanceBusinessKey(payment.getId().toString())
                .processDefinitionKey(PaymentProcess.KEY).singleResult();
    }

    private WebSession.Page notify(Map<String, String> body) {
        return outsider.postForm(PaymentConfiguration.PAYFIP_NOTIFICATION_PATH, body);
    }

    @Test
    void paidSettlesEveryInvoiceOfThePaymentAndMailsAReceipt() {
        assertThat(fixtures.payment(payment.getId())).containsEntry("gateway", "PAYFIP").containsEntry("id_op", idOp);
        ProcessInstance process = process();

        treasury.decide(idOp, PayFipSimulator.Choice.PAYER);

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(second)).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("select gateway from payment_notification where payment_id = ?", String.class, payment.getId()))
                .isEqualTo("PAYFIP");
        assertThat(process).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(PaymentProcess.END_PAID);
        var mail = mailbox().await(family.email(), "Reçu de votre paiement en ligne");
        assertThat(mail.text()).contains(payment.getOrderId()).contains("49,60 €");
    }

    @Test
    void theFamilyChoosesPayFiPAtStepTwoAndLeavesWithTheTreasurysOperation() {
        long third = fixtures.invoice(family, "15.00");
        WebSession browser = session();
        browser.login(family.username(), PaymentFixtures.PASSWORD);
        WebSession.Page step2 = browser.get("/facturation/paiement/recapitulatif?facture=" + third);
        assertThat(step2.doc().select("#moyen-de-paiement input[type=radio]").eachAttr("value")).containsExactly("SYSTEMPAY", "PAYFIP");
        assertThat(step2.doc().selectFirst("#moyen-de-paiement legend").text()).isEqualTo("Moyen de paiement");

        WebSession.Page unknownGateway = browser.submit(step2, "#confirmer-paiement", Map.of("moyen", "PAYPAL"));
        assertThat(unknownGateway.status()).isEqualTo(200);
        assertThat(unknownGateway.doc().selectFirst("#erreur-paiement").text())
                .isEqualTo("Choisissez le moyen de paiement : Carte bancaire ou PayFiP.");

        WebSession.Page step3 = browser.follow(browser.submit(step2, "#confirmer-paiement", Map.of("moyen", "PAYFIP")));
        assertThat(step3.text()).contains("Étape 3 : Mon paiement", "15,00 €", "PayFiP");
        var form = step3.doc().selectFirst("form#formulaire-payfip");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo(BASE_URL + PayFipSimulator.PAGE_PATH);
        assertThat(form.select("input[name=_csrf]")).as("nothing of the session goes to PayFiP").isEmpty();
        String operation = form.selectFirst("input[name=idop]").val();
        assertThat(jdbc.queryForObject("select gateway from payment where id_op = ?", String.class, operation)).isEqualTo("PAYFIP");
        WebSession.Page reloaded = browser.get(step3.url());
        assertThat(reloaded.doc().selectFirst("input[name=idop]").val()).as("one operation per payment").isEqualTo(operation);

        WebSession.Page treasuryPage = browser.get(form.absUrl("action") + "?idop=" + operation);
        assertThat(treasuryPage.text()).contains("Simulateur PayFiP", "15,00 €");
        WebSession.Page back = browser.submit(treasuryPage, "#choix-simulateur", Map.of("choice", "PAYER"));
        assertThat(back.location()).startsWith(BASE_URL + "/paiement/retour?refdet=PF");
        assertThat(browser.follow(back).text()).contains("Paiement accepté");
        assertThat(fixtures.invoiceState(third)).isEqualTo("PAID");
    }

    @Test
    void refusedLeavesTheInvoicesPendingAndFreeForAnotherAttempt() {
        treasury.decide(idOp, PayFipSimulator.Choice.REFUSER);

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REFUSED");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PENDING");
        assertThat(process()).isNull();
        assertThat(payments.start(family.id(), List.of(first, second), PaymentGateway.PAYFIP).getStatus()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void abandonedLeavesTheInvoicesPending() {
        treasury.decide(idOp, PayFipSimulator.Choice.ABANDONNER);

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("ABANDONED");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PENDING");
        assertThat(fixtures.invoiceState(second)).isEqualTo("PENDING");
    }

    @Test
    void aForgedNotificationSayingPaidIsNeverBelieved() {
        Map<String, String> forged = Map.of("idop", idOp, "resultrans", "P", "montant", "4960", "refdet", payment.getOrderId());

        WebSession.Page whileInProgress = notify(forged);
        assertThat(whileInProgress.status()).isEqualTo(202);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");

        treasury.decide(idOp, PayFipSimulator.Choice.REFUSER);
        WebSession.Page afterRefusal = notify(forged);

        assertThat(afterRefusal.status()).isEqualTo(200);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("REFUSED");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PENDING");
        assertThat(fixtures.settlementsOf(first)).isZero();
    }

    @Test
    void aLostNotificationIsMadeGoodByTheReconciliation() {
        treasury.decide(idOp, PayFipSimulator.Choice.PAYER_SANS_NOTIFICATION);
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
        ProcessInstance process = process();

        reconciliation.check();

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PAID");
        assertThat(fixtures.settlementsOf(second)).isEqualTo(1);
        assertThat(process).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);

        reconciliation.check();
        assertThat(fixtures.settlementsOf(first)).as("asked again, settled once").isEqualTo(1);
    }

    @Test
    void aLostNotificationIsMadeGoodAtTheTimeoutByAskingTheTreasuryBeforeExpiring() {
        treasury.decide(idOp, PayFipSimulator.Choice.PAYER_SANS_NOTIFICATION);
        ProcessInstance process = process();
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();

        management.executeJob(timer.getId());

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PAID");
        assertThat(process).hasPassed(PaymentProcess.TASK_EXPIRE).isWaitingAt(PaymentProcess.TASK_SEND_RECEIPT);
    }

    @Test
    void anOperationStillUnpaidAtTheTimeoutExpiresAndALatePaymentSettlesThroughLatePayment() {
        ProcessInstance process = process();
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        management.executeJob(timer.getId());
        assertThat(fixtures.paymentStatus(payment.getId())).as("the Treasury says: in progress").isEqualTo("EXPIRED");
        assertThat(fixtures.invoiceState(first)).isEqualTo("PENDING");

        treasury.decide(idOp, PayFipSimulator.Choice.PAYER);

        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PAID");
        assertThat(fixtures.settlementsOf(first)).isEqualTo(1);
        assertThat(processInstanceQuery().processInstanceBusinessKey(payment.getId().toString())
                .processDefinitionKey(PaymentProcess.LATE_KEY).singleResult()).isNotNull();
    }

    @Test
    void aReplayedNotificationSettlesOnce() {
        treasury.decide(idOp, PayFipSimulator.Choice.PAYER);

        WebSession.Page again = notify(Map.of("idop", idOp));
        WebSession.Page thrice = notify(Map.of("idOp", idOp));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("OK-deja traite");
        assertThat(thrice.body()).isEqualTo("OK-deja traite");
        assertThat(fixtures.settlementsOf(first)).isEqualTo(1);
        assertThat(fixtures.settlementsOf(second)).isEqualTo(1);
        assertThat(fixtures.notificationsOf(payment.getId())).isEqualTo(3);
    }

    @Test
    void hostileNotificationsAreRefusedWithAReasonAndChangeNothing() {
        List<Map<String, String>> hostile = List.of(Map.of(), Map.of("idop", ""), Map.of("idop", "<script>alert(1)</script>"),
                Map.of("idop", "x".repeat(5000)), Map.of("idop", "' or 1=1 --"), Map.of("idop", "\u0000\u0007"),
                Map.of("resultrans", "P", "montant", "4960"));
        for (Map<String, String> body : hostile) {
            WebSession.Page answer = notify(body);
            assertThat(answer.status()).as("body %s", body.keySet()).isEqualTo(400);
            assertThat(answer.body()).startsWith("KO-");
        }
        WebSession.Page unknown = notify(Map.of("idop", "00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("KO-operation inconnue");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
        assertThat(fixtures.notificationsOf(payment.getId())).isZero();
    }

    @Test
    void theSimulatorAnswersHostileInputWithAFaultOrAFrenchPageAndDecidesNothing() {
        for (String body : List.of("", "pas du XML", "<a>" + "x".repeat(10_000) + "</a>")) {
            WebSession.Page answer = soap(body);
            assertThat(answer.status()).as("not an envelope: a client error").isEqualTo(400);
            assertThat(answer.body()).isEqualTo("Requete SOAP illisible");
        }
        WebSession.Page unknownOperation = soap("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><inconnu/></soapenv:Body></soapenv:Envelope>");
        assertThat(unknownOperation.status()).as("a SOAP 1.1 fault travels with HTTP 500").isEqualTo(500);
        assertThat(unknownOperation.body()).contains("Fault", "opération illisible").doesNotContain("Exception");
        for (Map<String, String> choice : List.<Map<String, String>>of(Map.of(), Map.of("idop", "<b>x</b>", "choice", "PAYER"),
                Map.of("idop", "inconnue", "choice", "PAYER"))) {
            WebSession.Page page = outsider.postForm(PayFipSimulator.CHOICE_PATH, choice);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Opération de paiement inconnue ou déjà terminée.").doesNotContain("<b>x</b>");
        }
        WebSession.Page wrongChoice = outsider.postForm(PayFipSimulator.CHOICE_PATH, Map.of("idop", idOp, "choice", "<script>"));
        assertThat(wrongChoice.status()).isBetween(400, 499);
        assertThat(outsider.get(PayFipSimulator.PAGE_PATH + "?idop=%3Cscript%3E").text()).contains("Opération de paiement inconnue");
        assertThat(fixtures.paymentStatus(payment.getId())).isEqualTo("PENDING");
    }

    private WebSession.Page soap(String body) {
        return outsider.send(java.net.http.HttpRequest.newBuilder(outsider.uri(PayFipSimulator.WEB_SERVICE_PATH))
                .header("Content-Type", "text/xml; charset=UTF-8").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theTreasurysDetailMustBeThisPaymentsOperationForOurRegieAndYear() {
        treasury.decide(idOp, PayFipSimulator.Choice.PAYER_SANS_NOTIFICATION);
        Payment stored = repository.findById(payment.getId()).orElseThrow();
        PayFipMessages.Details details = payFipGateway.details(idOp);
        assertThat(payFipGateway.check(details, stored)).isEqualTo(PayFipGateway.Check.VALID);

        details.numcli = "999999";
        assertThat(payFipGateway.check(details, stored)).isEqualTo(PayFipGateway.Check.OTHER_CLIENT);
        details.numcli = properties.payfip().numcli();
        details.exer = "1999";
        assertThat(payFipGateway.check(details, stored)).isEqualTo(PayFipGateway.Check.OTHER_YEAR);
        details.exer = PayFipGateway.exer(stored);
        details.refdet = "PF99999999";
        assertThat(payFipGateway.check(details, stored)).isEqualTo(PayFipGateway.Check.OTHER_REFERENCE);
        details.refdet = stored.getOrderId();
        details.idOp = "autre-operation";
        assertThat(payFipGateway.check(details, stored)).isEqualTo(PayFipGateway.Check.OTHER_OPERATION);
    }

    @Test
    void anOperationTheTreasuryRefusesToCreateReleasesTheInvoicesAtOnce() {
        PayFipConfiguration ours = properties.payfip();
        PayFipConfiguration otherRegie = new PayFipConfiguration("123456", ours.saisie(), ours.webServiceUrl(), ours.paymentPageUrl(),
                ours.notificationUrl(), ours.returnUrl(), ours.timeout(), ours.requeryDays());
        long third = fixtures.invoice(family, "12.00");
        Payment refused = payments.start(family.id(), List.of(third), PaymentGateway.PAYFIP);
        Payment loaded = payments.ofFamily(refused.getId(), family.id()).orElseThrow();

        PayFipGateway wrongAccount = new PayFipGateway(otherRegie, new PayFipClient(otherRegie));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongAccount.createOperation(loaded, "Factures"))
                .isInstanceOf(PayFipClient.PayFipException.class).hasMessageContaining("numcli inconnu");
        payments.abandonUnsent(refused.getId(), "opération PayFiP non créée : numcli inconnu");

        assertThat(fixtures.paymentStatus(refused.getId())).isEqualTo("ABANDONED");
        assertThat(fixtures.invoiceState(third)).isEqualTo("PENDING");
        assertThat(payments.start(family.id(), List.of(third), PaymentGateway.PAYFIP).getStatus()).isEqualTo(PaymentStatus.PENDING);
    }
}
