package fr.portailfamille.attendance;

import static fr.portailfamille.attendance.AbsenceJustificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.calendar.TownCalendar;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the BPMN process absenceJustification: accepted, refused (and refused without a reason), escalated. */
class AbsenceJustificationProcessTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Absences absences;
    @Autowired FamilyFiles families;
    @Autowired TownCalendar calendar;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    private AttendanceFixtures fixtures;
    private long family;
    private long child;
    private long activity;
    private final LocalDate day = LocalDate.now(PortalTime.ZONE).minusDays(1);

    @BeforeEach
    void aBookedDay() {
        fixtures = new AttendanceFixtures(jdbc);
        activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        family = fixtures.family("ABSENT");
        child = fixtures.child(family, "ABSENT", "Nina", day.minusYears(6), "CP");
        fixtures.book(family, child, activity, day);
    }

    private long declare(byte[] certificate) {
        return absences.declare(families.find(family).orElseThrow(), child, activity, day, AbsenceReason.MALADIE, "fièvre",
                certificate, certificate == null ? null : "certificat.pdf", "parent");
    }

    private ProcessInstance instance(long absenceId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKeyLike(String.format("ABS-%06d %%", absenceId)).singleResult();
    }

    private Task review(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REVIEW).singleResult();
    }

    private String state(long absenceId) {
        return jdbc.queryForObject("select state from absence where id = ?", String.class, absenceId);
    }

    @Test
    void accepted_theAbsenceIsJustifiedAndTheFamilyMailed() {
        long id = declare("%PDF-1.4\n%%EOF\n".getBytes());
        ProcessInstance pi = instance(id);
        assertThat(pi).isWaitingAt(TASK_REVIEW).hasVariables(CHILD.name(), DATES.name(), REASON_TEXT.name(), CERTIFICATE_URL.name());
        assertThat(tasks.getIdentityLinksForTask(review(pi).getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("enfance"));
        Map<String, Object> variables = runtime.getVariables(pi.getId());
        assertThat(variables.get(DATES.name())).isEqualTo(PortalTime.DAY.format(day));
        assertThat(variables.get(REASON_TEXT.name())).isEqualTo("maladie – fièvre");
        assertThat((String) variables.get(CERTIFICATE_URL.name())).endsWith("/agent/absences/" + id + "/certificat");

        tasks.complete(review(pi).getId(), Map.of(ACCEPTED.name(), true));
        assertThat(state(id)).isEqualTo("ACCEPTEE");
        assertThat(pi).isWaitingAt(TASK_MAIL_ACCEPTED);
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(END_ACCEPTED).isEnded();
        assertThat(mailbox().await(fixtures.emailOf(family), "Absence justifiée").text()).contains("Nina", "justifiée");
    }

    @Test
    void refused_theFamilyIsMailedTheReason() {
        long id = declare(null);
        ProcessInstance pi = instance(id);
        assertThat(runtime.getVariable(pi.getId(), CERTIFICATE.name())).isEqualTo("aucun certificat fourni");
        String taskId = review(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(ACCEPTED.name(), false, REFUSAL_REASON.name(), " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez le motif du refus");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez « Accepter » ou « Refuser »");
        assertThat(state(id)).isEqualTo("EN_ATTENTE");

        tasks.complete(taskId, Map.of(ACCEPTED.name(), false, REFUSAL_REASON.name(), "Aucun justificatif."));
        assertThat(state(id)).isEqualTo("REFUSEE");
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(TASK_MAIL_REFUSED, END_REFUSED).isEnded();
        assertThat(mailbox().await(fixtures.emailOf(family), "Absence non justifiée").text()).contains("Aucun justificatif.");
    }

    @Test
    void escalated_afterFiveWorkingDaysTheTaskIsPrioritisedAndTheGuichetUniqueMailed() {
        ZonedDateTime started = ZonedDateTime.now();
        long id = declare(null);
        ProcessInstance pi = instance(id);
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_REMINDER).singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isAfterOrEqualTo(calendar.plusWorkingDays(started, REVIEW_REMINDER_WORKING_DAYS).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isBefore(calendar.plusWorkingDays(started, REVIEW_REMINDER_WORKING_DAYS).toInstant().plusSeconds(120));

        management.executeJob(timer.getId());
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(END_ESCALATED).isWaitingAt(TASK_REVIEW);
        assertThat(review(pi).getPriority()).isEqualTo(ESCALATED_PRIORITY);
        assertThat(mailbox().await("guichet@belcourt.example.org", "Absence sans décision depuis " + REVIEW_REMINDER_WORKING_DAYS + " jours ouvrés").text())
                .contains("ABSENT", "Nina");
        tasks.complete(review(pi).getId(), Map.of(ACCEPTED.name(), true));
        jobs().executeDue(pi.getId());
        assertThat(pi).hasPassed(END_ACCEPTED).isEnded();
        assertThat(state(id)).isEqualTo("ACCEPTEE");
    }
}
