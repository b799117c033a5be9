package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.Mailbox.Mail;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Process {@code documentReview}: every path, from an uploaded document to the family's mail. */
class DocumentReviewProcessTest extends PortalIntegrationTest {

    @Autowired
    FamilyFixtures families;

    @Autowired
    SupportingDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FamilyFiles familyFiles;

    TestFamily family;
    long documentId;
    ProcessInstance process;

    @BeforeEach
    void anUploadedDocument() {
        family = families.create("Roux");
        documentId = documents.upload(family.fileId(), DocumentType.QUOTIENT_FAMILIAL, null, FamilyFileAccessTest.PDF, "caf.pdf");
        process = runtimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(String.format("DOC-%06d %%", documentId)).singleResult();
    }

    @Test
    void acceptedDocument_theFamilyIsToldAndSeesAccepte() {
        assertThat(requiredDocuments()).as("sent, not checked yet").containsExactly(
                new RequiredDocument(DocumentType.QUOTIENT_FAMILIAL, RequiredDocument.State.BEING_CHECKED),
                new RequiredDocument(DocumentType.ASSURANCE, RequiredDocument.State.MISSING));
        assertThat(process).isWaitingAt(DocumentReviewProcess.TASK_REVIEW);
        assertThat(task(process)).hasCandidateGroup("guichet-unique").hasName("Vérifier un justificatif");

        complete(task(process), withVariables(DocumentReviewProcess.APPROVED, true));

        assertThat(process).isWaitingAt(DocumentReviewProcess.TASK_SEND_MAIL);
        assertThat(state()).isEqualTo("ACCEPTE");
        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(DocumentReviewProcess.END_REVIEWED);
        Mail mail = mailbox().await(family.email(), "Votre justificatif a été accepté");
        assertThat(mail.text()).contains("Attestation CAF / quotient familial").contains("caf.pdf");
        assertThat(documents.types(family.fileId(), java.time.LocalDate.now()).isAccepted(DocumentType.QUOTIENT_FAMILIAL)).isTrue();
        assertThat(requiredDocuments()).as("what an activity requiring both documents finds").containsExactly(
                new RequiredDocument(DocumentType.QUOTIENT_FAMILIAL, RequiredDocument.State.ACCEPTED),
                new RequiredDocument(DocumentType.ASSURANCE, RequiredDocument.State.MISSING));
    }

    @Test
    void refusedDocument_theFamilyGetsTheReason() {
        complete(task(process), withVariables(DocumentReviewProcess.APPROVED, false, DocumentReviewProcess.REASON, "Attestation illisible"));

        jobs().executeDue(process.getId());
        assertThat(process).isEnded().hasPassed(DocumentReviewProcess.END_REVIEWED);
        assertThat(state()).isEqualTo("REFUSE");
        Mail mail = mailbox().await(family.email(), "Votre justificatif a été refusé");
        assertThat(mail.text()).contains("Motif : Attestation illisible");
        WebSession session = session();
        session.login(family.username(), FamilyFixtures.PASSWORD);
        assertThat(session.get("/dossier/documents").text()).contains("refusé").contains("Motif : Attestation illisible");
        assertThat(documents.types(family.fileId(), java.time.LocalDate.now()).present()).isEmpty();
        assertThat(requiredDocuments()).as("a refused document is missing").first()
                .isEqualTo(new RequiredDocument(DocumentType.QUOTIENT_FAMILIAL, RequiredDocument.State.MISSING));
    }

    private java.util.List<RequiredDocument> requiredDocuments() {
        return familyFiles.requiredDocuments(family.fileId(), family.childId(),
                java.util.List.of(DocumentType.QUOTIENT_FAMILIAL, DocumentType.ASSURANCE), java.time.LocalDate.now());
    }

    @Test
    void aRefusalWithoutReasonIsNotAccepted() {
        assertThatThrownBy(() -> complete(task(process), withVariables(DocumentReviewProcess.APPROVED, false)))
                .hasMessageContaining("Indiquez le motif du refus");

        assertThat(process).isWaitingAt(DocumentReviewProcess.TASK_REVIEW);
        assertThat(state()).isEqualTo("A_VERIFIER");
    }

    @Test
    void theGuichetUniqueOpensTheTaskFormTheDocumentAndTheFileLikeTasklistDoes() {
        String taskId = task(process).getId();
        WebSession agent = session();
        String basic = "Basic " + Base64.getEncoder().encodeToString("guichet:demo".getBytes(StandardCharsets.UTF_8));

        var form = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/task/" + taskId + "/deployed-form"))
                .header("Authorization", basic).header("Accept", "application/json").GET());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("\"decision\"").contains("\"refuser\"").contains("\"reason\"");
        var variables = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/task/" + taskId + "/form-variables"))
                .header("Authorization", basic).header("Accept", "application/json").GET());
        assertThat(variables.body()).contains("/agent/dossiers/" + family.fileId() + "/documents/" + documentId);

        var login = agent.get("/agent/connexion");
        agent.follow(agent.submit(login, "form", java.util.Map.of("username", "guichet", "password", "demo")));
        var download = agent.get("/agent/dossiers/" + family.fileId() + "/documents/" + documentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-type")).startsWith("application/pdf");
        assertThat(agent.get("/agent/dossiers/" + family.fileId()).text()).contains("Dossier famille n° " + family.number())
                .contains("caf.pdf").contains("Camille " + family.name());
        assertThat(agent.get("/agent/dossiers/" + family.fileId() + "/documents/999999999").status()).isEqualTo(404);
    }

    private String state() {
        return jdbc.sql("select state from supporting_document where id = ?").param(documentId).query(String.class).single();
    }
}
