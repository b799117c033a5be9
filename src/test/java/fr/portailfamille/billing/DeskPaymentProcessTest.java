package fr.portailfamille.billing;

import static fr.portailfamille.billing.DeskPaymentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.support.PortalIntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * « Enregistrer un paiement au guichet » ({@code deskPayment}), started with its start form as an
 * agent of the Guichet Unique or of the finances would in Tasklist: exact payment, over-payment kept
 * as a credit, under-payment and wrong invoices refused with nothing recorded.
 */
class DeskPaymentProcessTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BillingRuns runs;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    PublishedInvoices data;

    @BeforeEach
    void data() {
        data = new PublishedInvoices(jdbc, runs, transaction);
    }

    @AfterEach
    void logOut() {
        processEngine.getIdentityService().clearAuthentication();
    }

    @Test
    void exactPayment_theInvoiceIsPaid() {
        long family = data.familyWithPendingInvoice("LEGRAND", 3);
        String number = data.invoiceNumberOf(family);

        ProcessInstance instance = startAs("guichet", data.fixtures().numberOf(family), "CHEQUE", "42,00", number.toLowerCase());

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_MAIL_RECEIPT);
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_RECORD, TASK_MAIL_RECEIPT, END_RECORDED);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(CREDIT.name(), "0,00 €").containsEntry(STARTED_BY.name(), "guichet");
        assertThat(data.invoiceState(family)).isEqualTo("PAID");
        assertThat(jdbc.queryForMap("select mode, amount, recorded_by from desk_payment where family_file_id = ?", family))
                .containsEntry("mode", "CHEQUE").containsEntry("amount", new BigDecimal("42.00")).containsEntry("recorded_by", "guichet");
        assertThat(credit(family)).isEqualByComparingTo("0");
    }

    @Test
    void overPayment_theSurplusIsKeptAsTheFamilysCredit() {
        long family = data.familyWithPendingInvoice("LEBRUN", 2);

        ProcessInstance instance = startAs("finances", data.fixtures().numberOf(family), "ESPECES", "30", data.invoiceNumberOf(family));

        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isEnded().variables().containsEntry(CREDIT.name(), "2,00 €");
        assertThat(data.invoiceState(family)).isEqualTo("PAID");
        assertThat(credit(family)).isEqualByComparingTo("2.00");
    }

    @Test
    void underPayment_isRefusedAndNothingIsRecorded() {
        long family = data.familyWithPendingInvoice("LEBLANC", 2);
        String number = data.invoiceNumberOf(family);
        long before = processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

        assertThatThrownBy(() -> startAs("guichet", data.fixtures().numberOf(family), "CESU", "27,99", number))
                .hasMessageContaining("Paiement refusé : 27,99 € reçus pour 28,00 € dus sur " + number)
                .hasMessageContaining("Un paiement partiel n'est pas accepté");

        assertThat(data.invoiceState(family)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from desk_payment where family_file_id = ?", Integer.class, family)).isZero();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(before);
    }

    @Test
    void anInvoiceOfAnotherFamilyOrATypingMistakeIsRefused() {
        long family = data.familyWithPendingInvoice("LEROUX", 1);
        long other = data.familyWithPendingInvoice("LENOIR", 1);
        String file = data.fixtures().numberOf(family);

        assertThatThrownBy(() -> startAs("guichet", file, "CHEQUE", "14,00", data.invoiceNumberOf(other)))
                .hasMessageContaining("n'est pas une facture du dossier n° " + file);
        assertThatThrownBy(() -> startAs("guichet", "99999999", "CHEQUE", "14,00", data.invoiceNumberOf(family)))
                .hasMessageContaining("Aucun dossier famille n° « 99999999 »");
        assertThatThrownBy(() -> startAs("guichet", file, "CHEQUE", "quatorze", data.invoiceNumberOf(family)))
                .hasMessageContaining("Montant « quatorze » invalide");
        assertThatThrownBy(() -> startAs("guichet", file, "VIREMENT", "14,00", data.invoiceNumberOf(family)))
                .hasMessageContaining("Mode de paiement « VIREMENT » inconnu");
        assertThat(data.invoiceState(family)).isEqualTo("PENDING");
        assertThat(data.invoiceState(other)).isEqualTo("PENDING");

        // paying an invoice twice is refused too
        startAs("guichet", file, "CHEQUE", "14,00", data.invoiceNumberOf(family));
        assertThatThrownBy(() -> startAs("guichet", file, "CHEQUE", "14,00", data.invoiceNumberOf(family)))
                .hasMessageContaining("n'est pas en attente de paiement (payée)");
    }

    @Test
    void everyDeskPaymentHasAReceipt_mailedToTheFamilyAndDownloadableByItAndTheAgents() throws Exception {
        long family = data.familyWithPendingInvoice("LECLERC", 3);
        String number = data.invoiceNumberOf(family);
        String file = data.fixtures().numberOf(family);
        ProcessInstance instance = startAs("finances", file, "CHEQUE", "45,00", number);
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_MAIL_RECEIPT);
        Map<String, Object> payment = jdbc.queryForMap("select id, receipt_number, received_at from desk_payment where family_file_id = ?", family);
        long paymentId = ((Number) payment.get("id")).longValue();
        String receipt = (String) payment.get("receipt_number");
        assertThat(receipt).matches("RG-\\d{4}-\\d{6}").endsWith(String.format("%06d", paymentId));
        assertThat(instance.getBusinessKey() == null ? processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey() : instance.getBusinessKey())
                .isEqualTo(String.format("PAY-%06d LECLERC", paymentId));

        // the mail, with the PDF attached
        String email = data.fixtures().emailOf(family);
        mailbox().await(email, "Reçu de votre paiement au guichet – " + receipt);
        byte[] attached = null;
        for (jakarta.mail.internet.MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getSubject().contains(receipt) && message.getContent() instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (("recu-" + receipt + ".pdf").equals(parts.getBodyPart(i).getFileName())) {
                        attached = parts.getBodyPart(i).getInputStream().readAllBytes();
                    }
                }
            }
        }
        assertThat(attached).as("the receipt attached to the mail").isNotNull();
        String text = PdfText.of(attached);
        java.time.LocalDate day = ((java.sql.Timestamp) payment.get("received_at")).toInstant().atZone(fr.portailfamille.system.PortalTime.ZONE).toLocalDate();
        assertThat(text).contains("Reçu de paiement n° " + receipt).contains("Famille LECLERC").contains("Dossier famille n° " + file)
                .contains(number).contains("42,00 €").contains("Montant reçu : 45,00 €").contains("chèque")
                .contains(fr.portailfamille.system.PortalTime.DATE.format(day)).contains("Agent : finances")
                .contains("Trop-perçu gardé en avoir sur le dossier : 3,00 €");
        assertThat(mailbox().to(email).stream().filter(m -> m.subject().contains(receipt)).count()).as("mailed once").isEqualTo(1);

        // the family downloads it from « Facturation » (its history); another family cannot
        String username = data.fixtures().account(family, encoder.encode("Recu-Guichet-2026"));
        fr.portailfamille.support.WebSession parent = session();
        parent.login(username, "Recu-Guichet-2026");
        var page = parent.get("/facturation/historique");
        assertThat(page.text()).contains("Reçus de vos paiements au guichet").contains(receipt);
        String link = page.doc().select("a[href*=/facturation/recus/]").first().attr("href");
        assertThat(PdfText.of(parent.bytes(link))).contains("Reçu de paiement n° " + receipt);
        long other = data.familyWithPendingInvoice("LEMAIRE", 1);
        fr.portailfamille.support.WebSession stranger = session();
        stranger.login(data.fixtures().account(other, encoder.encode("Autre-Famille-2026")), "Autre-Famille-2026");
        assertThat(stranger.get("/facturation/recus/" + paymentId + "/pdf").status()).isEqualTo(404);

        // the agents who record payments open it from the family page; another service may not
        fr.portailfamille.support.WebSession guichet = agent("guichet");
        var familyPage = guichet.get("/agent/dossiers/" + family);  // (the test files are not numbered like real ones: the internal id)
        assertThat(familyPage.text()).contains(receipt);
        String agentLink = familyPage.doc().select("a[href*=/agent/facturation/recus/]").first().attr("href");
        var opened = guichet.get(agentLink);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.header("Content-Type")).startsWith("application/pdf");
        assertThat(PdfText.of(guichet.bytes(agentLink))).contains(receipt);
        assertThat(agent("enfance").get("/agent/facturation/recus/" + paymentId + "/pdf").status()).isEqualTo(403);
    }

    private fr.portailfamille.support.WebSession agent(String user) {
        fr.portailfamille.support.WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    @Test
    void onlyFinancesAndTheGuichetUniqueMayRecordADeskPayment() {
        long family = data.familyWithPendingInvoice("LEFEVRE", 1);

        assertThatThrownBy(() -> startAs("enfance", data.fixtures().numberOf(family), "CHEQUE", "14,00", data.invoiceNumberOf(family)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(data.invoiceState(family)).isEqualTo("PENDING");
    }

    private ProcessInstance startAs(String agent, String fileNumber, String mode, String amount, String invoices) {
        java.util.List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(agent).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        processEngine.getIdentityService().setAuthentication(agent, groups);
        try {
            return processEngine.getFormService().submitStartForm(definitionId,
                    Map.of(FILE_NUMBER.name(), fileNumber, MODE.name(), mode, AMOUNT.name(), amount, INVOICE_NUMBERS.name(), invoices));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private BigDecimal credit(long family) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from credit where family_file_id = ?", BigDecimal.class, family);
    }
}
