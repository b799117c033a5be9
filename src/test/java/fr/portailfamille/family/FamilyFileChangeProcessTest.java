package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Process {@code familyFileChange}: a family asks, the Guichet Unique accepts (change applied) or refuses (reason), the family is told. */
class FamilyFileChangeProcessTest extends PortalIntegrationTest {

    @Autowired
    FamilyFixtures families;

    @Autowired
    FamilyFiles familyFiles;

    @Autowired
    JdbcClient jdbc;

    TestFamily family;
    WebSession session;

    @BeforeEach
    void loggedInFamily() {
        family = families.create("Lambert");
        session = session();
        session.login(family.username(), FamilyFixtures.PASSWORD);
    }

    @Test
    void childIdentityChangeAccepted_theFileIsCorrectedAndTheFamilyToldAndShown() {
        ProcessInstance process = requestChildChange("Camilla", "2017-05-14");
        assertThat(process).isWaitingAt(FamilyFileChangeProcess.TASK_REVIEW);
        assertThat(task(process)).hasCandidateGroup("guichet-unique");
        assertThat((String) runtimeService().getVariable(process.getId(), FamilyFileChangeProcess.REQUEST_SUMMARY.name()))
                .contains("prénom Camilla").contains("14/05/2017").contains("dossier n° " + family.number());

        complete(task(process), withVariables(FamilyFileChangeProcess.APPROVED, true));
        jobs().executeDue(process.getId());

        assertThat(process).isEnded().hasPassed(FamilyFileChangeProcess.TASK_APPLY, FamilyFileChangeProcess.END_APPLIED);
        assertThat(jdbc.sql("select first_name || ' ' || birth_date from child where id = ?").param(family.childId())
                .query(String.class).single()).isEqualTo("Camilla 2017-05-14");
        assertThat(mailbox().await(family.email(), "Votre demande de modification a été acceptée").text()).contains("prénom Camilla");
        Page child = session.get("/dossier/enfants/" + family.childId());
        assertThat(child.text()).contains("Camilla " + family.name()).contains("acceptée");
    }

    @Test
    void childIdentityChangeRefused_nothingChangesAndTheFamilyGetsTheReason() {
        ProcessInstance process = requestChildChange("Camillo", "");

        complete(task(process), withVariables(FamilyFileChangeProcess.APPROVED, false, FamilyFileChangeProcess.REASON,
                "Merci de fournir le livret de famille"));
        jobs().executeDue(process.getId());

        assertThat(process).isEnded().hasPassed(FamilyFileChangeProcess.TASK_REFUSE, FamilyFileChangeProcess.END_REFUSED)
                .hasNotPassed(FamilyFileChangeProcess.TASK_APPLY);
        assertThat(jdbc.sql("select first_name from child where id = ?").param(family.childId()).query(String.class).single())
                .isEqualTo("Camille");
        assertThat(mailbox().await(family.email(), "Votre demande de modification a été refusée").text())
                .contains("Motif : Merci de fournir le livret de famille");
        assertThat(session.get("/dossier/enfants/" + family.childId()).text()).contains("refusée")
                .contains("Motif : Merci de fournir le livret de famille");
    }

    @Test
    void quotientChangeAccepted_theNewQuotientIsValidFromItsDate() {
        jdbc.sql("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, 480, date '2020-01-01', null, 'CAF')")
                .param(family.fileId()).update();
        long caf = jdbc.sql("""
                insert into supporting_document (family_file_id, document_type, state, content, size_bytes, media_type, file_name)
                values (?, 'QUOTIENT_FAMILIAL', 'A_VERIFIER', '\\x25504446', 4, 'application/pdf', 'caf-2026.pdf') returning id""")
                .param(family.fileId()).query(Long.class).single();
        Page contacts = session.get("/dossier/coordonnees");
        String from = LocalDate.now().withDayOfMonth(1).toString();
        Page sent = session.follow(session.submit(contacts, "form#demande-quotient", Map.of("newQuotient", "640", "validFrom", from)));
        assertThat(sent.text()).contains("Votre demande de modification du quotient familial est transmise").contains("en cours");
        String fromFrench = LocalDate.parse(from).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        // « Mes demandes de modification » says what was asked, in euros
        assertThat(sent.text()).contains("Quotient familial : 640 € à partir du " + fromFrench);
        assertThat(sent.text()).contains("Historique des modifications Aucune modification");
        ProcessInstance process = processOfLastRequest();
        // the form shows the file's value beside the asked one, and the certificates to check
        assertThat((String) runtimeService().getVariable(process.getId(), FamilyFileChangeProcess.CURRENT_VALUE.name()))
                .isEqualTo("Quotient familial : 480 € – valable du 01/01/2020, sans date de fin – source : CAF");
        assertThat((String) runtimeService().getVariable(process.getId(), FamilyFileChangeProcess.REQUESTED_VALUE.name()))
                .isEqualTo("Quotient familial : 640 € à partir du " + fromFrench);
        assertThat((String) runtimeService().getVariable(process.getId(), FamilyFileChangeProcess.SUPPORTING_DOCUMENTS.name()))
                .contains("Attestation CAF").contains("caf\\-2026\\.pdf \\(à vérifier").contains("/agent/dossiers/" + family.fileId() + "/documents/" + caf);

        complete(task(process), withVariables("decision", "accepter"));
        jobs().executeDue(process.getId());

        assertThat(process).isEnded().hasPassed(FamilyFileChangeProcess.END_APPLIED);
        assertThat(familyFiles.quotientFamilial(family.fileId(), LocalDate.now())).hasValueSatisfying(q -> {
            assertThat(q.value()).isEqualTo(640);
            assertThat(q.validFrom()).isEqualTo(LocalDate.parse(from));
        });
        Page after = session.get("/dossier/coordonnees");
        assertThat(after.text()).contains("640 €");
        // « Historique des modifications » shows the accepted change: who, what, before, after
        assertThat(after.text()).doesNotContain("Aucune modification")
                .contains("Guichet Unique Quotient familial 480 € 640 € à partir du " + fromFrench);
    }

    @Test
    void aRefusalWithoutReasonIsNotAccepted() {
        ProcessInstance process = requestChildChange("Camillo", "");

        assertThatThrownBy(() -> complete(task(process), withVariables(FamilyFileChangeProcess.APPROVED, false, FamilyFileChangeProcess.REASON, " ")))
                .hasMessageContaining("Indiquez le motif du refus");
        assertThat(process).isWaitingAt(FamilyFileChangeProcess.TASK_REVIEW);
    }

    private ProcessInstance requestChildChange(String firstName, String birthDate) {
        Page child = session.get("/dossier/enfants/" + family.childId());
        Page sent = session.follow(session.submit(child, "form#demande-modification",
                Map.of("newFirstName", firstName, "newBirthDate", birthDate)));
        assertThat(sent.text()).contains("Votre demande de modification est transmise").contains("en cours");
        return processOfLastRequest();
    }

    private ProcessInstance processOfLastRequest() {
        long id = jdbc.sql("select max(id) from change_request where family_file_id = ?").param(family.fileId()).query(Long.class).single();
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(String.format("MOD-%06d %%", id)).singleResult();
    }
}
