package fr.portailfamille.debit;

import static fr.portailfamille.debit.DirectDebitCollectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.prowidesoftware.swift.model.mx.MxPain00800102;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code directDebitCollection} on every path: started by the batch's creation at publication,
 * the file built once (the build job run twice leaves it as it was), reviewed by finances with the
 * file downloaded (« Transmettre » refused until the file as it stands is downloaded, again after a
 * rebuild), then transmitted (the invoice paid by direct debit) or cancelled with a reason (a
 * cancellation without one refused in French, the invoice back to the family); a start from Tasklist
 * for a month without batch, or for a batch already under review, refused in French.
 */
class DirectDebitCollectionProcessTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired Invoices invoices;
    @Autowired Clock clock;

    private DebitFixtures fixtures;
    private YearMonth month;

    @BeforeEach
    void fixtures() {
        fixtures = new DebitFixtures(jdbc, encoder);
        // a month of its own per test, far from the other tests' months
        month = YearMonth.of(2100 + Math.floorMod(UUID.randomUUID().hashCode(), 90), 1 + Math.floorMod(UUID.randomUUID().hashCode(), 12));
        jdbc.update("delete from debit_batch where month = ?", month.toString());
    }

    @Test
    void transmittedPath_startedAtPublicationReviewedWithItsFileThenEachInvoicePaidByDirectDebit() {
        DebitFixtures.Family family = withMandate("TRANSMIS", DebitFixtures.IBAN_1);
        PendingInvoice invoice = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "45.50");

        publish(invoice);

        ProcessInstance instance = instanceOf(month);
        assertThat(instance.getBusinessKey()).isEqualTo("PRLV-" + month);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_BUILD);
        jobs().executeDue(instance.getId());

        long batchId = batchId();
        String day = jdbc.queryForObject("select to_char(collection_date, 'DD/MM/YYYY') from debit_batch where id = ?", String.class, batchId);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("finances").hasName("Contrôler le lot de prélèvement");
        BpmnAwareTests.assertThat(instance).variables().containsEntry(COUNT.name(), 1).containsEntry(TOTAL.name(), "45,50 €")
                .containsEntry(DEBIT_DATE.name(), day).containsEntry(BATCH_ID.name(), batchId);
        String link = (String) processEngine.getRuntimeService().getVariable(instance.getId(), FILE_LINK.name());
        assertThat(link).contains("(/agent/prelevement/lots/" + batchId + "/fichier)");

        // the file behind the link, for finances only
        WebSession finances = agent("finances");
        WebSession.Page file = finances.get("/agent/prelevement/lots/" + batchId + "/fichier");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("PRLV-" + month + "-R1.xml");
        var initiation = MxPain00800102.parse(file.body()).getCstmrDrctDbtInitn();
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("1");
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("45.50");
        assertThat(initiation.getPmtInf().get(0).getDrctDbtTxInf().get(0).getDbtrAcct().getId().getIBAN()).isEqualTo(DebitFixtures.IBAN_1);
        assertThat(agent("guichet").get("/agent/prelevement/lots/" + batchId + "/fichier").status()).isEqualTo(403);

        complete(task(instance), withVariables("decision", TRANSMIT_CHOICE));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_TRANSMITTED, END_TRANSMITTED);
        assertThat(jdbc.queryForObject("select state from debit_batch where id = ?", String.class, batchId)).isEqualTo("TRANSMIS");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, invoice.id())).isEqualTo("PAID");
        assertThat(jdbc.queryForList("select mode from invoice_payment where invoice_id = ?", String.class, invoice.id()))
                .containsExactly("PRELEVEMENT");
        assertThatThrownBy(() -> startFromTasklist(month.toString())).hasMessageContaining("Le lot PRLV-" + month + " est déjà transmis à la banque.");
    }

    @Test
    void cancelledPath_aReasonIsRequiredThenTheInvoiceIsTheFamilysToPayAgain() {
        DebitFixtures.Family family = withMandate("ANNULE", DebitFixtures.IBAN_2);
        PendingInvoice invoice = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "12.00");
        ProcessInstance instance = underReview(invoice);
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).doesNotContain(invoice.id());

        assertThatThrownBy(() -> complete(task(instance), withVariables("decision", CANCEL_CHOICE)))
                .hasMessageContaining("Indiquez le motif de l'annulation du lot");
        assertThatThrownBy(() -> complete(task(instance), withVariables("decision", CANCEL_CHOICE, REASON.name(), "   ")))
                .hasMessageContaining("Indiquez le motif de l'annulation du lot");
        assertThatThrownBy(() -> complete(task(instance), withVariables("decision", "peut-être")))
                .hasMessageContaining("Choisissez « Transmettre » ou « Annuler le lot »");
        assertThatThrownBy(() -> complete(task(instance), withVariables(REASON.name(), "aucune décision")))
                .hasMessageContaining("Choisissez « Transmettre » ou « Annuler le lot »");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(jdbc.queryForObject("select state from debit_batch where id = ?", String.class, batchId())).isEqualTo("A_CONTROLER");

        complete(task(instance), withVariables("decision", CANCEL_CHOICE, REASON.name(), "Montants à vérifier avec la régie"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_CANCEL, END_CANCELLED).hasNotPassed(TASK_TRANSMITTED);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(REASON.name(), "Montants à vérifier avec la régie");
        assertThat(jdbc.queryForObject("select state from debit_batch where id = ?", String.class, batchId())).isEqualTo("ANNULE");
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).contains(invoice.id());
        assertThatThrownBy(() -> startFromTasklist(month.toString())).hasMessageContaining("Le lot PRLV-" + month + " est déjà annulé.");
    }

    @Test
    void aMandateRevokedOrChangedDuringTheReviewLeavesTheFileBeforeItIsTransmitted() {
        WebSession revoking = session();
        DebitFixtures.Family revoked = fixtures.withMandate(revoking, "REVOQUE", DebitFixtures.IBAN_1);
        WebSession changing = session();
        DebitFixtures.Family changed = fixtures.withMandate(changing, "CHANGE", DebitFixtures.IBAN_2);
        LocalDate due = LocalDate.now(clock).plusDays(30);
        PendingInvoice withdrawn = fixtures.invoice(revoked, month, due, "45.50");
        PendingInvoice kept = fixtures.invoice(changed, month, due, "12.00");
        ProcessInstance instance = underReview(withdrawn, kept);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(COUNT.name(), 2)
                .containsEntry(TOTAL.name(), "57,50 €");

        // while finances review the file, one family revokes its mandate and the other gives a new account
        revoking.follow(revoking.submit(revoking.open("/facturation/prelevement"), "#revoquer", Map.of("confirmed", "true")));
        changing.follow(changing.submit(changing.open("/facturation/prelevement"), "#modifier",
                Map.of("holder", "Élodie " + changed.name(), "iban", DebitFixtures.IBAN_3, "accepted", "true")));

        // the file under review is built again: without the revoked mandate's debit, on the new account
        var initiation = MxPain00800102.parse(new String(jdbc.queryForObject("select file from debit_batch where id = ?", byte[].class,
                batchId()), java.nio.charset.StandardCharsets.UTF_8)).getCstmrDrctDbtInitn();
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("1");
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("12.00");
        var debit = initiation.getPmtInf().get(0).getDrctDbtTxInf().get(0);
        assertThat(debit.getRmtInf().getUstrd()).containsExactly("Facture " + kept.number());
        assertThat(debit.getDbtrAcct().getId().getIBAN()).isEqualTo(DebitFixtures.IBAN_3);
        assertThat(initiation.getPmtInf().get(0).getPmtTpInf().getSeqTp().value()).isEqualTo("FRST");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW).variables().containsEntry(COUNT.name(), 1)
                .containsEntry(TOTAL.name(), "12,00 €");
        // the revoked family's invoice is its own to pay again, at once
        assertThat(invoices.pending(revoked.id())).extracting(PendingInvoice::id).contains(withdrawn.id());
        assertThat(jdbc.queryForObject("select state from debit_transaction where invoice_id = ?", String.class, withdrawn.id()))
                .isEqualTo("ANNULE");

        // built twice since the first build (a revocation, a new account): the third revision is the one downloaded and transmitted
        assertThat(agent("finances").get("/agent/prelevement/lots/" + batchId() + "/fichier").header("Content-Disposition"))
                .contains("PRLV-" + month + "-R3.xml");
        complete(task(instance), withVariables("decision", TRANSMIT_CHOICE));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_TRANSMITTED);
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, withdrawn.id())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, kept.id())).isEqualTo("PAID");
        assertThat(jdbc.queryForMap("select iban, original_iban, first_collected_on is not null as debited from debit_mandate "
                + "where family_file_id = ? and state = 'ACTIF'", changed.id()))
                .containsEntry("iban", DebitFixtures.IBAN_3).containsEntry("original_iban", null).containsEntry("debited", true);
    }

    @Test
    void transmitIsRefusedUntilTheFileAsItStandsIsDownloaded_aFileBuiltAgainSinceItsDownloadIsDownloadedAgain() throws Exception {
        WebSession revoking = session();
        DebitFixtures.Family revoked = fixtures.withMandate(revoking, "PERIME", DebitFixtures.IBAN_1);
        DebitFixtures.Family debited = withMandate("AJOUR", DebitFixtures.IBAN_2);
        LocalDate due = LocalDate.now(clock).plusDays(30);
        PendingInvoice withdrawn = fixtures.invoice(revoked, month, due, "45.50");
        PendingInvoice settled = fixtures.invoice(debited, month, due, "12.00");
        ProcessInstance instance = underReview(withdrawn, settled);
        String taskId = task(instance).getId();
        String fileUrl = "/agent/prelevement/lots/" + batchId() + "/fichier";
        BpmnAwareTests.assertThat(instance).variables().containsEntry(FILE_REVISION.name(), 1)
                .containsEntry(LAST_DOWNLOAD.name(), "Pas encore téléchargé : téléchargez le fichier avant de le transmettre.");

        // « Transmettre » before any download: refused in French, as Tasklist's form submits it
        WebSession.Page notDownloaded = submitReview(taskId, TRANSMIT_CHOICE);
        assertThat(notDownloaded.status()).as(notDownloaded.body()).isEqualTo(400);
        assertThat(message(notDownloaded)).isEqualTo(
                "Téléchargez le fichier (révision 1) avant de le transmettre : c'est lui que vous remettez à la banque.");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);

        // downloaded: revision 1 in its name and MsgId, the download shown to the review
        WebSession finances = agent("finances");
        WebSession.Page first = finances.get(fileUrl);
        assertThat(first.header("Content-Disposition")).contains("PRLV-" + month + "-R1.xml");
        var firstFile = MxPain00800102.parse(first.body()).getCstmrDrctDbtInitn();
        assertThat(firstFile.getGrpHdr().getMsgId()).startsWith("PRLV-" + month + "-R1-");
        assertThat(firstFile.getGrpHdr().getNbOfTxs()).isEqualTo("2");
        String when = jdbc.queryForObject("select to_char(downloaded_at at time zone 'Europe/Paris', 'DD/MM/YYYY \"à\" HH24:MI') "
                + "from debit_batch where id = ?", String.class, batchId());
        BpmnAwareTests.assertThat(instance).variables().containsEntry(LAST_DOWNLOAD.name(),
                "Révision 1 téléchargée par finances le " + when + " : c'est le fichier à jour.");

        // a family revokes its mandate meanwhile: the file is built again, revision 2, and the copy downloaded is stale
        revoking.follow(revoking.submit(revoking.open("/facturation/prelevement"), "#revoquer", Map.of("confirmed", "true")));
        BpmnAwareTests.assertThat(instance).variables().containsEntry(FILE_REVISION.name(), 2).containsEntry(COUNT.name(), 1)
                .containsEntry(LAST_DOWNLOAD.name(), "Révision 1 téléchargée par finances le " + when
                        + " : le fichier a été reconstruit depuis (révision 2), téléchargez-le à nouveau.");
        WebSession.Page stale = submitReview(taskId, TRANSMIT_CHOICE);
        assertThat(stale.status()).as(stale.body()).isEqualTo(400);
        assertThat(message(stale)).isEqualTo(
                "Le fichier a été reconstruit depuis votre téléchargement (révision 2) : téléchargez-le à nouveau avant de le transmettre.");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(jdbc.queryForObject("select state from debit_batch where id = ?", String.class, batchId())).isEqualTo("A_CONTROLER");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, settled.id())).isEqualTo("PENDING");

        // downloaded again: revision 2, a message of its own for the bank, without the revoked debit; then transmitted
        WebSession.Page second = finances.get(fileUrl);
        assertThat(second.header("Content-Disposition")).contains("PRLV-" + month + "-R2.xml");
        var secondFile = MxPain00800102.parse(second.body()).getCstmrDrctDbtInitn();
        assertThat(secondFile.getGrpHdr().getMsgId()).startsWith("PRLV-" + month + "-R2-");
        assertThat(secondFile.getGrpHdr().getNbOfTxs()).isEqualTo("1");
        assertThat(secondFile.getPmtInf().get(0).getDrctDbtTxInf().get(0).getRmtInf().getUstrd()).containsExactly("Facture " + settled.number());
        WebSession.Page transmitted = submitReview(taskId, TRANSMIT_CHOICE);
        assertThat(transmitted.status()).as(transmitted.body()).isEqualTo(204);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_TRANSMITTED, END_TRANSMITTED);
        assertThat(jdbc.queryForMap("select state, revision, downloaded_revision, downloaded_by, decided_by from debit_batch where id = ?",
                batchId())).containsEntry("state", "TRANSMIS").containsEntry("revision", 2).containsEntry("downloaded_revision", 2)
                .containsEntry("downloaded_by", "finances").containsEntry("decided_by", "finances");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, settled.id())).isEqualTo("PAID");
        assertThat(jdbc.queryForList("select mode from invoice_payment where invoice_id = ?", String.class, settled.id()))
                .containsExactly("PRELEVEMENT");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, withdrawn.id())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from invoice_payment where invoice_id = ?", Integer.class, withdrawn.id())).isZero();
    }

    @Test
    void theFileIsBuiltOnceWhenTheBuildJobRunsTwice() {
        DebitFixtures.Family family = withMandate("DEUXFOIS", DebitFixtures.IBAN_3);
        PendingInvoice invoice = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "30.00");
        ProcessInstance instance = underReview(invoice);
        Map<String, Object> built = jdbc.queryForMap("select message_id, built_at, file, tx_count from debit_batch where id = ?", batchId());

        // the build step runs again (a retried job, an operator moving the token back in Cockpit)
        processEngine.getRuntimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(TASK_BUILD).execute();
        jobs().executeDue(instance.getId());

        Map<String, Object> after = jdbc.queryForMap("select message_id, built_at, file, tx_count from debit_batch where id = ?", batchId());
        assertThat(after.get("message_id")).isEqualTo(built.get("message_id"));
        assertThat(after.get("built_at")).isEqualTo(built.get("built_at"));
        assertThat((byte[]) after.get("file")).isEqualTo((byte[]) built.get("file"));
        assertThat(jdbc.queryForObject("select count(*) from debit_transaction where batch_id = ? and invoice_id = ?", Integer.class,
                batchId(), invoice.id())).isEqualTo(1);
    }

    @Test
    void aStartFromTasklistIsRefusedInFrenchForAMonthWithoutBatchOrABatchUnderReview() {
        long before = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThatThrownBy(() -> startFromTasklist(month.toString())).hasMessageContaining("Aucun prélèvement n'est prévu pour");
        assertThatThrownBy(() -> startFromTasklist("2026-13")).hasMessageContaining("Mois « 2026-13 » invalide");

        DebitFixtures.Family family = withMandate("TASKLIST", DebitFixtures.IBAN_1);
        publish(fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "8.00"));
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before + 1);
        assertThatThrownBy(() -> startFromTasklist(month.toString())).hasMessageContaining("est déjà en cours de contrôle dans Tasklist");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before + 1);

        // the batch's own process was lost (deleted in Cockpit): finances start it again for the month
        processEngine.getRuntimeService().deleteProcessInstance(instanceOf(month).getId(), "test");
        ProcessInstance again = startFromTasklist(month.toString());
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(again.getId()).singleResult().getBusinessKey())
                .isEqualTo("PRLV-" + month);
        jobs().executeDue(again.getId());
        BpmnAwareTests.assertThat(again).isWaitingAt(TASK_REVIEW).variables().containsEntry(TOTAL.name(), "8,00 €");
    }

    private ProcessInstance instanceOf(YearMonth month) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(BATCH_ID.name(), batchId()).singleResult();
    }

    private long batchId() {
        return jdbc.queryForObject("select id from debit_batch where month = ?", Long.class, month.toString());
    }

    private ProcessInstance startFromTasklist(String month) {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), month));
    }

    /** The review's form submitted as Tasklist submits it, over HTTP as {@code finances}. */
    private WebSession.Page submitReview(String taskId, String decision) {
        String token = Base64.getEncoder().encodeToString("finances:demo".getBytes(StandardCharsets.UTF_8));
        WebSession rest = session();
        return rest.send(HttpRequest.newBuilder(rest.uri("/engine-rest/task/" + taskId + "/submit-form"))
                .header("Authorization", "Basic " + token).header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"" + decision + "\",\"type\":\"String\"}}}")));
    }

    private static String message(WebSession.Page refusal) throws Exception {
        return new ObjectMapper().readTree(refusal.body()).get("message").asText();
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    /** Invoices of families with a mandate published for the month: the batch's process built its file and waits for the review. */
    private ProcessInstance underReview(PendingInvoice... invoice) {
        publish(invoice);
        ProcessInstance instance = instanceOf(month);
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        return instance;
    }

    private DebitFixtures.Family withMandate(String name, String iban) {
        return fixtures.withMandate(session(), name, iban);
    }

    private void publish(PendingInvoice... published) {
        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(published))));
    }
}
