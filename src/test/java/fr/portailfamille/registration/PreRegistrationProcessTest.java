package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.support.Mailbox.Mail;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.calendar.TownCalendar;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every path of the BPMN process preRegistration. */
class PreRegistrationProcessTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PreRegistrations preRegistrations;
    @Autowired Registrations registrations;
    @Autowired RegistrationRepository repository;
    @Autowired FamilyFiles families;
    @Autowired Activities activities;
    @Autowired TownCalendar calendar;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    private TestFamily family;

    @BeforeEach
    void newFamily() {
        family = RegistrationFamilies.create(jdbc, encoder);
    }

    private Registration request(String activityCode, DayOfWeek... days) {
        long activityId = activities.findByCode(activityCode).orElseThrow().id();
        return preRegistrations.register(families.find(family.fileId()).orElseThrow(), family.olderChildId(), activityId,
                EnumSet.of(days[0], days));
    }

    private ProcessInstance instance(Registration registration) {
        return runtime.createProcessInstanceQuery().processInstanceId(registration.getProcessInstanceId()).singleResult();
    }

    private Task validationTask(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_VALIDATE).singleResult();
    }

    private RegistrationState state(Registration registration) {
        return repository.findById(registration.getId()).orElseThrow().getState();
    }

    @Test
    void accepted_theRegistrationIsValidatedAndTheFamilyMailed() {
        Registration registration = request("CENTRE_LOISIRS", DayOfWeek.WEDNESDAY);
        ProcessInstance pi = instance(registration);
        assertThat(pi).isWaitingAt(TASK_VALIDATE).hasVariables(CHILD.name(), DAYS.name(), QUOTIENT.name(), DOCUMENTS.name(), HEALTH.name());
        Map<String, Object> variables = runtime.getVariables(pi.getId());
        assertThat(variables.get(CHILD.name())).asString().contains("Sam " + family.name());
        assertThat(variables.get(DAYS.name())).isEqualTo("mercredi");
        assertThat(variables.get(DOCUMENTS.name())).asString().contains("Attestation CAF / quotient familial : non fourni")
                .contains("Attestation d'assurance : non fourni");
        assertThat(validationTask(pi).getName()).isEqualTo("Valider la pré-inscription");

        tasks.complete(validationTask(pi).getId(), Map.of(APPROVED.name(), true));
        assertThat(state(registration)).isEqualTo(RegistrationState.VALIDATED);
        assertThat(registrations.validatedOfChild(family.olderChildId())).singleElement()
                .satisfies(r -> assertThat(r.weekdays()).containsExactly(DayOfWeek.WEDNESDAY));
        assertThat(pi).isWaitingAt(TASK_MAIL_VALIDATED);
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(END_VALIDATED).isEnded();
        Mail mail = mailbox().await(family.email(), "Pré-inscription validée");
        assertThat(mail.text()).contains("Centre de loisirs").contains("validée");
    }

    @Test
    void refused_theRegistrationIsRefusedWithTheReasonAndTheFamilyMailed() {
        Registration registration = request("CENTRE_LOISIRS", DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        ProcessInstance pi = instance(registration);
        tasks.complete(validationTask(pi).getId(), Map.of(APPROVED.name(), false, REASON.name(), "Le centre est complet le lundi."));
        assertThat(state(registration)).isEqualTo(RegistrationState.REFUSED);
        assertThat(registrations.linesOfFamily(family.fileId())).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("Le centre est complet le lundi."))
                .satisfies(l -> assertThat(l.cssClass()).isEqualTo("status-refused"));
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(TASK_MAIL_REFUSED, END_REFUSED).isEnded();
        assertThat(mailbox().await(family.email(), "Pré-inscription refusée").text()).contains("Le centre est complet le lundi.");
    }

    @Test
    void refusedWithoutReason_theServerKeepsTheTaskOpen() {
        Registration registration = request("PERISCOLAIRE_SOIR", DayOfWeek.TUESDAY);
        ProcessInstance pi = instance(registration);
        String taskId = validationTask(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(APPROVED.name(), false, REASON.name(), "  ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez le motif du refus");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(REASON.name(), "sans décision")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez « Valider » ou « Refuser »");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "refuser")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez le motif du refus");
        assertThat(pi).isWaitingAt(TASK_VALIDATE);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(state(registration)).isEqualTo(RegistrationState.PENDING);
    }

    @Test
    void theFormsChoiceDecides_refusingWithItsReason() {
        Registration registration = request("PERISCOLAIRE_SOIR", DayOfWeek.TUESDAY);
        ProcessInstance pi = instance(registration);
        tasks.complete(validationTask(pi).getId(), Map.of("decision", "refuser", REASON.name(), "Plus de place le mardi."));
        assertThat(state(registration)).isEqualTo(RegistrationState.REFUSED);
        assertThat(registrations.linesOfFamily(family.fileId())).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("Plus de place le mardi."));
    }

    @Test
    void refusingThroughTheRestApiWithoutReasonAnswers400WithTheFrenchSentence() throws Exception {
        Registration registration = request("PERISCOLAIRE_SOIR", DayOfWeek.THURSDAY);
        String taskId = validationTask(instance(registration)).getId();
        fr.portailfamille.support.WebSession rest = session();
        java.util.function.Function<String, fr.portailfamille.support.WebSession.Page> submit = variables -> rest.send(
                java.net.http.HttpRequest.newBuilder(rest.uri("/engine-rest/task/" + taskId + "/submit-form"))
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("enfance:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")));

        var noReason = submit.apply("{\"decision\":{\"value\":\"refuser\"}}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(noReason.body());
        assertThat(error.get("message").asText()).isEqualTo("Indiquez le motif du refus : il est envoyé à la famille.");
        assertThat(noReason.body()).doesNotContain("ENGINE-");
        assertThat(state(registration)).isEqualTo(RegistrationState.PENDING);

        var noChoice = submit.apply("{\"reason\":{\"value\":\"Complet.\"}}");
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body()).contains("Choisissez « Valider » ou « Refuser » la pré-inscription.");

        var refused = submit.apply("{\"decision\":{\"value\":\"refuser\"},\"reason\":{\"value\":\"Complet le jeudi.\"}}");
        assertThat(refused.status()).as(refused.body()).isIn(200, 204);
        assertThat(state(registration)).isEqualTo(RegistrationState.REFUSED);
    }

    @Test
    void theValidationFormShowsTheFactsOfTheFile() {
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, 640, date '2020-01-01', date '2099-12-31', 'CAF')",
                family.fileId());
        jdbc.update("""
                insert into supporting_document (family_file_id, document_type, valid_until, state, content, size_bytes, media_type, file_name)
                values (?, 'QUOTIENT_FAMILIAL', date '2099-06-30', 'ACCEPTE', '\\x25504446', 4, 'application/pdf', 'attestation-caf.pdf'),
                       (?, 'ASSURANCE', null, 'A_VERIFIER', '\\x25504446', 4, 'application/pdf', 'assurance.pdf')""",
                family.fileId(), family.fileId());
        jdbc.update("insert into health_sheet (child_id, allergies, pai, pai_details, diet) values (?, 'arachide', true, 'asthme : ventoline', 'sans porc')",
                family.olderChildId());
        Registration morning = request("PERISCOLAIRE_MATIN", DayOfWeek.MONDAY);
        tasks.complete(validationTask(instance(morning)).getId(), Map.of("decision", "valider"));

        Registration registration = request("CENTRE_LOISIRS", DayOfWeek.WEDNESDAY);
        ProcessInstance pi = instance(registration);
        Map<String, Object> variables = runtime.getVariables(pi.getId());
        assertThat(variables.get(QUOTIENT.name())).isEqualTo("640 € – valable du 01/01/2020 au 31/12/2099 – source : CAF");
        assertThat(variables.get(DOCUMENTS.name())).asString()
                .contains("Attestation CAF / quotient familial : accepté, valable jusqu'au 30/06/2099")
                .contains("Attestation d'assurance : à vérifier")
                .contains("Carnet de vaccinations : non fourni")
                .doesNotContain("non renseigné");
        long caf = jdbc.queryForObject("select id from supporting_document where family_file_id = ? and file_name = 'attestation-caf.pdf'",
                Long.class, family.fileId());
        assertThat(variables.get(DOCUMENT_LINKS.name())).asString().contains("/agent/dossiers/" + family.fileId() + "/documents/" + caf);
        assertThat(variables.get(HEALTH.name())).asString().contains("PAI : oui – asthme : ventoline").contains("Allergies : arachide")
                .contains("Régime alimentaire : sans porc");
        assertThat(variables.get(OTHER_REGISTRATIONS.name())).asString()
                .contains(activities.findByCode("PERISCOLAIRE_MATIN").orElseThrow().name()).contains("validée");
        var activity = activities.findByCode("CENTRE_LOISIRS").orElseThrow();
        Integer taken = jdbc.queryForObject("""
                select count(*) from registration where activity_id = ? and valid_from = ? and state = 'VALIDATED' and weekdays like '%WEDNESDAY%'""",
                Integer.class, activity.id(), java.sql.Date.valueOf(repository.findById(registration.getId()).orElseThrow().getValidFrom()));
        assertThat(variables.get(PLACES.name())).asString().contains("mercredi : " + (activity.capacityPerDay() - taken) + " place");
        assertThat(variables).containsEntry(CHILD_NAME.name(), "Sam " + family.name()).containsEntry(FAMILY_NAME.name(),
                family.name() + " (dossier n° " + families.find(family.fileId()).orElseThrow().number() + ")");
        assertThat(variables.get(ACTIVITY_NAME.name())).asString().startsWith(activity.name() + " – ");
        assertThat(jdbc.queryForObject("select count(*) from health_sheet_read where child_id = ? and staff_user like 'tâche%enfance'",
                Integer.class, family.olderChildId())).as("the health sheet read is recorded").isPositive();
    }

    @Test
    void aFileWithoutQuotientNorHealthSheetSaysSo() {
        Registration registration = request("PERISCOLAIRE_MATIN", DayOfWeek.FRIDAY);
        Map<String, Object> variables = runtime.getVariables(instance(registration).getId());
        assertThat(variables.get(QUOTIENT.name())).asString().startsWith("Aucun quotient familial valable au").contains("tranche maximale");
        assertThat(variables.get(HEALTH.name())).isEqualTo("Fiche sanitaire non remplie par la famille.");
        assertThat(variables.get(OTHER_REGISTRATIONS.name())).isEqualTo("Aucune autre inscription en cours ou validée.");
    }

    @Test
    void withdrawn_theProcessEndsWithNoTaskLeft() {
        Registration registration = request("PERISCOLAIRE_MATIN", DayOfWeek.MONDAY);
        ProcessInstance pi = instance(registration);
        preRegistrations.withdraw(family.fileId(), registration.getId());
        assertThat(pi).hasPassed(END_WITHDRAWN).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).as("timers cancelled").isZero();
        assertThat(state(registration)).isEqualTo(RegistrationState.WITHDRAWN);
    }

    @Test
    void escalatedOnce_afterFiveWorkingDaysTheTaskIsPrioritisedAndTheGuichetUniqueMailed() {
        ZonedDateTime started = ZonedDateTime.now();
        Registration registration = request("CENTRE_LOISIRS", DayOfWeek.WEDNESDAY);
        ProcessInstance pi = instance(registration);
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_FIRST_REMINDER).singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfterOrEqualTo(calendar.plusWorkingDays(started, FIRST_REMINDER_WORKING_DAYS).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isBefore(calendar.plusWorkingDays(started, FIRST_REMINDER_WORKING_DAYS).toInstant().plusSeconds(120));

        management.executeJob(timer.getId());
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(END_ESCALATED).isWaitingAt(TASK_VALIDATE);
        assertThat(validationTask(pi).getPriority()).isEqualTo(ESCALATED_PRIORITY);
        assertThat(mailbox().await("guichet@belcourt.example.org", "sans décision depuis " + FIRST_REMINDER_WORKING_DAYS + " jours ouvrés").text())
                .contains(family.name()).contains("enfance");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FOLLOW_UP).count()).isZero();
        tasks.complete(validationTask(pi).getId(), Map.of(APPROVED.name(), true));
        assertThat(state(registration)).isEqualTo(RegistrationState.VALIDATED);
    }

    @Test
    void escalatedTwice_afterTenWorkingDaysTheGuichetUniqueGetsAFollowUpTask() {
        Registration registration = request("CENTRE_LOISIRS", DayOfWeek.WEDNESDAY);
        ProcessInstance pi = instance(registration);
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_FIRST_REMINDER).singleResult().getId());
        jobs().executeDue(pi.getId());
        Job second = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_SECOND_REMINDER).singleResult();
        management.executeJob(second.getId());

        Task followUp = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FOLLOW_UP).singleResult();
        assertThat(followUp.getName()).isEqualTo("Relancer la validation de la pré-inscription");
        assertThat(tasks.getIdentityLinksForTask(followUp.getId())).extracting(IdentityLink::getGroupId).containsExactly(StaffGroup.GUICHET_UNIQUE.id());
        assertThat(pi).isWaitingAt(TASK_VALIDATE, TASK_FOLLOW_UP);

        // the service finally decides: the process ends and leaves no follow-up task behind
        tasks.complete(validationTask(pi).getId(), Map.of(APPROVED.name(), false, REASON.name(), "Dossier incomplet."));
        jobs().executeDue(pi.getId());
        assertThat(pi).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(state(registration)).isEqualTo(RegistrationState.REFUSED);
    }

    @Test
    void theCandidateGroupFollowsTheActivitysService() {
        ProcessInstance canteen = instance(request("RESTAURATION", DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
        assertThat(tasks.getIdentityLinksForTask(validationTask(canteen).getId())).extracting(IdentityLink::getGroupId).containsExactly("restauration");
        assertThat(tasks.createTaskQuery().taskCandidateGroup("enfance").processInstanceId(canteen.getId()).count()).isZero();

        ProcessInstance evening = instance(request("PERISCOLAIRE_SOIR", DayOfWeek.FRIDAY));
        assertThat(tasks.getIdentityLinksForTask(validationTask(evening).getId())).extracting(IdentityLink::getGroupId).containsExactly("enfance");
    }

    @Test
    void theServicesMayReadTheProcessDefinitionButFamiliesCannotStartIt() {
        var authorizations = processEngine.getAuthorizationService();
        for (String group : java.util.List.of("enfance", "restauration", "guichet-unique")) {
            assertThat(authorizations.isUserAuthorized("x", java.util.List.of(group), org.camunda.bpm.engine.authorization.Permissions.READ,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, KEY)).as(group).isTrue();
        }
        assertThat(authorizations.isUserAuthorized("x", java.util.List.of("finances"), org.camunda.bpm.engine.authorization.Permissions.READ,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, KEY)).isFalse();
    }
}
