package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/** The benchmark's engine-only starts: the same process, variables and business key as « enregistrer », and only with the profile bench. */
class EngineStartsTest extends PortalIntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired JdbcClient jdbcClient;
    @Autowired PasswordEncoder encoder;
    @Autowired RegistrationRepository registrations;
    @Autowired PreRegistrations preRegistrations;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void absentWithoutTheBenchProfile() {
        assertThat(context.getBeanNamesForType(EngineStarts.class)).isEmpty();
    }

    @Test
    void startsEveryPendingRequestWithoutProcess_asTheFamilysRequestWould() throws Exception {
        String code = "BANC_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Long activityId = jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                                      min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays,
                                      cutoff_working_days, cutoff_time, required_documents)
                values (?, 'Banc d''essai', 'Accueil périscolaire', 'enfance', 'Essai.', 'DAY', 'MONDAY,THURSDAY', 30, 3, 12,
                        true, false, false, 2, '12:00', '') returning id""", Long.class, code);
        LocalDate from = LocalDate.now().minusMonths(1);
        jdbc.update("insert into activity_period (activity_id, label, start_date, end_date) values (?, 'Période d''essai', ?, ?)",
                activityId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(from.plusYears(1)));
        TestFamily first = RegistrationFamilies.create(jdbc, encoder);
        TestFamily second = RegistrationFamilies.create(jdbc, encoder);
        for (TestFamily f : List.of(first, second)) {
            jdbc.update("""
                    insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                    values (?, ?, ?, 'MONDAY,THURSDAY', 'Période d''essai', ?, ?, 'PENDING')""",
                    f.fileId(), f.olderChildId(), activityId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(from.plusYears(1)));
        }
        EngineStarts starts = new EngineStarts(jdbcClient, preRegistrations, runtime, transactions);

        Map<String, Object> result = starts.start(activityId, 2);

        assertThat(result).containsEntry("starts", 2).containsEntry("failures", 0).containsEntry("threads", 2);
        assertThat(starts.pending(activityId)).isEmpty();
        for (TestFamily f : List.of(first, second)) {
            Registration r = registrations.findAll().stream()
                    .filter(x -> x.getActivityId() == activityId && x.getFamilyFileId() == f.fileId()).findFirst().orElseThrow();
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
            assertThat(pi.getProcessDefinitionId()).startsWith(KEY + ":");
            assertThat(pi.getBusinessKey()).isEqualTo("PRE-" + LocalDate.now().getYear() + "-" + String.format("%06d", r.getId())
                    + " " + f.name() + " Sam");
            Map<String, Object> variables = runtime.getVariables(pi.getId());
            assertThat(variables).containsEntry(CHILD_NAME.name(), "Sam " + f.name())
                    .containsEntry(ACTIVITY_NAME.name(), "Banc d'essai – Période d'essai")
                    .containsEntry(FAMILY_NAME.name(), f.name() + " (dossier n° T" + f.name().substring(4).toLowerCase() + ")")
                    .containsKeys(QUOTIENT.name(), DOCUMENTS.name(), PLACES.name());
            Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_VALIDATE).singleResult();
            assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("enfance");
        }
    }
}
