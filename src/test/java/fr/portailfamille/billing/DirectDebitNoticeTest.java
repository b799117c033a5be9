package fr.portailfamille.billing;

import static fr.portailfamille.billing.MonthlyBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.Mailbox;
import fr.portailfamille.support.PortalIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pre-notice of a SEPA debit, through the real monthly run: when finances publish the month, the
 * invoice of a family with an active mandate joins the month's debit batch and its « Nouvelle
 * facture disponible » mail says « Cette facture sera prélevée le … » (the batch's day, at least the
 * notice period ahead); the mail of a family without a mandate invites it to pay online or at the desk.
 */
class DirectDebitNoticeTest extends PortalIntegrationTest {

    /** A month no other test bills; its debit batch is this test's own. */
    private static final YearMonth BILLED = YearMonth.of(2022, 9);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @Test
    void theInvoiceMailOfAFamilyWithAMandateSaysWhenItWillBeDebited() {
        // the batch of an earlier run of this test (its process ended, cancelled below)
        jdbc.update("delete from debit_batch where month = ?", BILLED.toString());
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long leisure = fixtures.activity("Centre de loisirs préavis");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        long debited = fixtures.family("PREAVIS");
        long byCard = fixtures.family("SANSMANDAT");
        for (long family : new long[] {debited, byCard}) {
            fixtures.book(family, fixtures.child(family, "Enfant", LocalDate.of(2018, 1, 1)), leisure, BILLED.atDay(14), "BOOKED");
        }
        jdbc.update("""
                insert into debit_mandate (family_file_id, rum, holder, iban, signed_on, channel, state, created_at)
                values (?, 'PF-PREAVIS-' || nextval('debit_mandate_number'), 'Parent PREAVIS', 'FR7630006000011234567890189', current_date,
                        'EN_LIGNE', 'ACTIF', now())""", debited);

        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance run = processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), BILLED.toString()));
        jobs().executeDue(run.getId());
        complete(task(run), withVariables(PUBLISH.name(), true, NOTIFY_BATCH_SIZE.name(), 500));
        jobs().executeDue(run.getId());
        BpmnAwareTests.assertThat(run).isEnded().hasPassed(TASK_PUBLISH, TASK_NOTIFY, END_PUBLISHED);

        LocalDate day = jdbc.queryForObject("select collection_date from debit_batch where month = ?", java.sql.Date.class, BILLED.toString())
                .toLocalDate();
        assertThat(day).as("at least the notice period after the publication").isAfterOrEqualTo(LocalDate.now(clock).plusDays(14));
        Mailbox.Mail notice = mailbox().await(fixtures.emailOf(debited), "Nouvelle facture disponible");
        assertThat(notice.text()).contains("Cette facture sera prélevée le " + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "vous n'avez rien à faire");
        Mailbox.Mail other = mailbox().await(fixtures.emailOf(byCard), "Nouvelle facture disponible");
        assertThat(other.text()).contains("payer en ligne").doesNotContain("sera prélevée");

        // the batch's own process: its file built, then cancelled, so that the invoices go back to the families
        ProcessInstance collection = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("PRLV-" + BILLED).active().singleResult();
        jobs().executeDue(collection.getId());
        complete(task(collection), withVariables("decision", "annuler", "reason", "Test du préavis"));
        BpmnAwareTests.assertThat(collection).isEnded();
    }
}
