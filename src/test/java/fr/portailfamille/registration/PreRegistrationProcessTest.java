package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.system.calendar.TownCalendar;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.support.Mailbox.Mail;
import fr.portailfamille.support.PortalIntegrationTest;
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
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(registration.getId())).singleResult();
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
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("validée ou refusée");
        assertThat(pi).isWaitingAt(TASK_VALIDATE);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(state(registration)).isEqualTo(RegistrationState.PENDING);
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
