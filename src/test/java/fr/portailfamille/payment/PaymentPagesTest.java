package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The family's three steps, the gateway (simulator) over real HTTP, the return page, and two payments racing for one invoice. */
class PaymentPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;

    PaymentFixtures fixtures;
    PaymentFixtures.Family family;
    long march;
    long april;

    @BeforeEach
    void aFamilyWithTwoInvoices() {
        fixtures = new PaymentFixtures(jdbc, properties.systempay());
        family = fixtures.family();
        march = fixtures.invoice(family, "12.30");
        april = fixtures.invoice(family, "20.00");
    }

    private WebSession loggedIn() {
        WebSession session = session();
        session.login(family.username(), PaymentFixtures.PASSWORD);
        return session;
    }

    private WebSession.Page summary(WebSession session, long... invoices) {
        StringBuilder query = new StringBuilder();
        for (long id : invoices) {
            query.append(query.isEmpty() ? "?" : "&").append("facture=").append(id);
        }
        return session.get("/facturation/paiement/recapitulatif" + query);
    }

    @Test
    void threeStepsThenTheBankAcceptsAndTheReturnPageSaysPaid() {
        WebSession browser = loggedIn();
        WebSession.Page step1 = browser.get("/facturation/paiement");
        assertThat(step1.text()).contains("Étape 1 : Mes factures", "12,30 €", "20,00 €");

        WebSession.Page step2 = summary(browser, march, april);
        assertThat(step2.text()).contains("Étape 2 : Mon récapitulatif");
        assertThat(step2.doc().selectFirst("#total-a-payer").text()).isEqualTo("32,30 €");

        WebSession.Page confirmed = browser.submit(step2, "#confirmer-paiement", Map.of());
        assertThat(confirmed.status()).isEqualTo(302);
        WebSession.Page step3 = browser.follow(confirmed);
        assertThat(step3.text()).contains("Étape 3 : Mon paiement");
        assertThat(step3.header("Content-Security-Policy")).contains("form-action 'self' " + BASE_URL);
        Element form = step3.doc().selectFirst("form#formulaire-banque");
        assertThat(form.attr("action")).isEqualTo(BASE_URL + "/simulateur-systempay/paiement");
        assertThat(form.select("input[name=_csrf]")).as("no CSRF token sent to the bank").isEmpty();
        assertThat(form.selectFirst("input[name=vads_amount]").val()).isEqualTo("3230");
        assertThat(form.selectFirst("button").text()).isEqualTo("Payer par carte");
        String orderId = form.selectFirst("input[name=vads_order_id]").val();
        long paymentId = Long.parseLong(orderId.substring(2));
        assertThat(fixtures.paymentStatus(paymentId)).as("saved before the browser leaves").isEqualTo("PENDING");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(paymentId))
                .processDefinitionKey(PaymentProcess.KEY).count()).isEqualTo(1);

        WebSession.Page bank = browser.submit(step3, "#formulaire-banque", Map.of());
        assertThat(bank.text()).contains("Simulateur SystemPay", "32,30 €", "Accepter", "Refuser", "Annuler", "Abandonner");
        WebSession.Page back = browser.submit(bank, "#choix-simulateur", Map.of("choice", "ACCEPTER"));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).startsWith(BASE_URL + "/paiement/retour?").contains("vads_order_id=" + orderId);

        WebSession.Page result = browser.follow(back);
        assertThat(result.text()).contains("Paiement accepté");
        assertThat(fixtures.invoiceState(march)).isEqualTo("PAID");
        assertThat(fixtures.invoiceState(april)).isEqualTo("PAID");
    }

    @Test
    void browserBackBeforeTheNotificationShowsPaymentBeingVerifiedUntilItArrives() {
        WebSession browser = loggedIn();
        WebSession.Page step3 = browser.follow(browser.submit(summary(browser, march), "#confirmer-paiement", Map.of()));
        String orderId = step3.doc().selectFirst("input[name=vads_order_id]").val();
        long paymentId = Long.parseLong(orderId.substring(2));

        WebSession.Page early = browser.get("/paiement/retour?vads_order_id=" + orderId + "&vads_trans_status=AUTHORISED");
        assertThat(early.text()).contains("Paiement en cours de vérification");
        assertThat(early.doc().select("script[src*=/js/payment-]")).hasSize(1);
        assertThat(browser.get("/paiement/" + orderId + "/etat").body()).contains("PENDING");
        assertThat(fixtures.invoiceState(march)).as("the browser's return settles nothing").isEqualTo("PENDING");

        PaymentFixtures.post(session(), fixtures.paid(paymentId));

        assertThat(browser.get("/paiement/" + orderId + "/etat").body()).contains("PAID");
        assertThat(browser.get("/paiement/retour?vads_order_id=" + orderId).text()).contains("Paiement accepté");
    }

    @Test
    void nothingTickedKeepsTheFamilyOnStepOneWithAMessage() {
        WebSession browser = loggedIn();
        WebSession.Page page = browser.get("/facturation/paiement/recapitulatif");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().selectFirst("#erreur-paiement").text()).isEqualTo("Cochez au moins une facture à payer.");
    }

    @Test
    void twoPaymentsRacingForTheSameInvoiceOnlyOneGoesToTheBank() throws Exception {
        WebSession first = loggedIn();
        WebSession second = loggedIn();
        WebSession.Page firstSummary = summary(first, march);
        WebSession.Page secondSummary = summary(second, march);
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<WebSession.Page> a = CompletableFuture.supplyAsync(() -> {
            await(go);
            return first.submit(firstSummary, "#confirmer-paiement", Map.of());
        });
        CompletableFuture<WebSession.Page> b = CompletableFuture.supplyAsync(() -> {
            await(go);
            return second.submit(secondSummary, "#confirmer-paiement", Map.of());
        });
        go.countDown();
        List<WebSession.Page> answers = List.of(a.get(), b.get());

        assertThat(answers.stream().filter(p -> p.status() == 302 && p.location().matches(".*/facturation/paiement/\\d+$")))
                .hasSize(1);
        assertThat(answers.stream().filter(p -> p.status() == 200 && p.text().contains("déjà en cours de paiement"))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from payment_invoice where invoice_id = ? and pending", Integer.class, march))
                .isEqualTo(1);
        assertThat(first.get("/facturation/paiement").text()).contains("paiement en cours");
    }

    @Test
    void theSimulatorRefusesATamperedFormAndAReusedTransaction() {
        WebSession browser = loggedIn();
        WebSession.Page step3 = browser.follow(browser.submit(summary(browser, april), "#confirmer-paiement", Map.of()));

        WebSession.Page tampered = browser.submit(step3, "#formulaire-banque", Map.of("vads_amount", "1"));
        assertThat(tampered.text()).contains("vads_result=30").contains("signature incorrecte");

        assertThat(browser.submit(step3, "#formulaire-banque", Map.of()).text()).contains("Accepter");
        WebSession.Page reused = browser.submit(step3, "#formulaire-banque", Map.of());
        assertThat(reused.text()).contains("vads_result=30").contains("déjà utilisé");
    }

    @Test
    void anotherFamilyCannotSeeThePayment() {
        WebSession browser = loggedIn();
        WebSession.Page step3 = browser.follow(browser.submit(summary(browser, march), "#confirmer-paiement", Map.of()));
        String orderId = step3.doc().selectFirst("input[name=vads_order_id]").val();

        PaymentFixtures.Family other = fixtures.family();
        WebSession stranger = session();
        stranger.login(other.username(), PaymentFixtures.PASSWORD);
        assertThat(stranger.get("/paiement/retour?vads_order_id=" + orderId).text()).contains("Ce paiement est introuvable");
        assertThat(stranger.get("/paiement/" + orderId + "/etat").status()).isEqualTo(404);
        assertThat(summary(stranger, march).text()).contains("n'est plus en attente de paiement");
        Map<String, String> fields = new HashMap<>();
        fields.put("facture", Long.toString(march));
        fields.put("_csrf", stranger.csrfToken());
        assertThat(stranger.postForm("/facturation/paiement", fields).text()).contains("n'est plus en attente de paiement");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
