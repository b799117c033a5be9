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

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_RECORD, END_RECORDED);
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
