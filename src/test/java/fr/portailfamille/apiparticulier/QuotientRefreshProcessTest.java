package fr.portailfamille.apiparticulier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code quotientRefresh} on every path, with the engine's clock and the fake API Particulier: the
 * consenting families asked once each, two per job with a pause between jobs, a family that withdrew its
 * consent meanwhile never asked, the provider that answered made the family's scheme; the report lists who
 * changed bracket and who could not be fetched (no file, several people, the API down); a year
 * runs once (a second start from Tasklist refused in French, a second timer start ends at once).
 */
class QuotientRefreshProcessTest extends PortalIntegrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiParticulierSimulator api;
    @Autowired
    Clock clock;

    private int year;

    @BeforeEach
    void onlyThisTestsFamiliesConsent() {
        year = LocalDate.now(clock).getYear();
        // the year is this test's: what an earlier run or test left of it is forgotten, and no other family consents
        jdbc.update("delete from quotient_refresh where refresh_year = ?", year);
        jdbc.update("delete from quotient_refresh_item where refresh_year = ?", year);
        jdbc.update("update quotient_consent set revoked_at = now() where revoked_at is null");
        processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list()
                .forEach(p -> processEngine.getRuntimeService().deleteProcessInstance(p.getId(), "test: a fresh start"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void startedInTasklist_eachConsentingFamilyAskedOnceInBatches_thenTheGuichetUniqueReadsTheReport() {
        long changes = family("QFA", 300);
        long same = family("QFB", 920);
        long unknown = family("INCONNU", 640);
        long homonym = family("HOMONYME", null);
        long down = family("INDISPONIBLE", 450);
        long withdrawn = family("QFRETRAIT", 500);

        ProcessInstance refresh = startFromTasklist(String.valueOf(year));
        assertThat(refresh.getBusinessKey()).isEqualTo("QF-" + year);
        assertThat(refresh).isWaitingAt("Task_ListFamilies");
        executeJob(refresh);
        assertThat(refresh).isWaitingAt(TASK_BATCH);
        // withdrawn after the list was made: never asked
        jdbc.update("update quotient_consent set revoked_at = now() where family_file_id = ?", withdrawn);

        executeJob(refresh);
        assertThat(refresh).isWaitingAt(TIMER_PAUSE);
        Job pause = processEngine.getManagementService().createJobQuery().processInstanceId(refresh.getId()).timers().singleResult();
        assertThat(pause.getDuedate()).as("a pause before the next batch").isAfter(ClockUtil.getCurrentTime());
        assertThat(asked()).as("two families in the first batch").isEqualTo(2);

        int pauses = 0;
        while (processEngine.getTaskService().createTaskQuery().processInstanceId(refresh.getId()).count() == 0) {
            Job next = processEngine.getManagementService().createJobQuery().processInstanceId(refresh.getId()).singleResult();
            if (next.getDuedate() != null && next.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 1000));
                pauses++;
            }
            executeJob(refresh);
        }
        assertThat(pauses).as("six families, two per batch: three batches, two pauses").isEqualTo(2);
        assertThat(calls(name(changes))).isEqualTo(1);
        assertThat(calls(name(withdrawn))).isZero();
        assertThat(calls("INCONNU")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select family_file_id, outcome from quotient_refresh_item where refresh_year = ? order by family_file_id",
                year)).extracting(r -> r.get("outcome")).containsExactly("FOUND", "FOUND", "NOT_FOUND", "AMBIGUOUS", "UNAVAILABLE",
                "NO_CONSENT");
        assertThat(jdbc.queryForObject("select count(*) from quotient_fetch where family_file_id = ?", Long.class, withdrawn))
                .as("no call for a withdrawn consent").isZero();
        assertThat(jdbc.queryForObject("select count(*) from quotient_fetch where refresh_year = ? and family_file_id in (?, ?, ?, ?)",
                Long.class, year, changes, same, unknown, homonym)).as("each family asked once").isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from quotient_fetch where refresh_year = ? and family_file_id = ?",
                Long.class, year, down)).isEqualTo(1);

        Task report = processEngine.getTaskService().createTaskQuery().processInstanceId(refresh.getId()).singleResult();
        assertThat(report.getTaskDefinitionKey()).isEqualTo(TASK_REPORT);
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(report.getId()))
                .anyMatch(link -> "guichet-unique".equals(link.getGroupId()));
        Map<String, Object> variables = processEngine.getTaskService().getVariables(report.getId());
        assertThat(variables.get(ASKED.name())).isEqualTo(6);
        assertThat(variables.get(CHANGED.name())).isEqualTo(1);
        assertThat((String) variables.get(CHANGED_LIST.name())).isEqualTo(number(changes) + " " + name(changes) + " : 300 € → 920 €");
        assertThat(variables.get(FAILED.name())).isEqualTo(3);
        assertThat((String) variables.get(FAILED_LIST.name()))
                .contains(number(unknown) + " INCONNU : quotient enregistré 640 € (aucun dossier CAF ou MSA trouvé)")
                .contains(number(homonym) + " HOMONYME : aucun quotient enregistré (plusieurs personnes correspondent)")
                .contains(number(down) + " INDISPONIBLE : quotient enregistré 450 € (service indisponible)");
        assertThat(jdbc.queryForObject("select value from quotient_familial where family_file_id = ? order by valid_from desc, id desc limit 1",
                Integer.class, changes)).isEqualTo(920);
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, changes))
                .as("the provider that answered is the family's scheme").isEqualTo("CAF");
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, down))
                .as("no answer, no scheme").isNull();

        TaskService tasks = processEngine.getTaskService();
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of(REPORT_READ.name(), false)))
                .hasMessageContaining("Cochez « J'ai pris connaissance du rapport »");
        tasks.complete(report.getId(), Map.of(REPORT_READ.name(), true));
        assertThat(refresh).isEnded().hasPassed("EndEvent_Reviewed");
    }

    @Test
    void aYearIsRefreshedOnce_aSecondStartFromTasklistIsRefusedInFrench() {
        family("QFC", 700);
        ProcessInstance first = startFromTasklist(String.valueOf(year));
        assertThat(first).isActive();
        assertThatThrownBy(() -> startFromTasklist(String.valueOf(year)))
                .hasMessageContaining("Les quotients de " + year + " ont déjà été actualisés (QF-" + year + ")");
        assertThatThrownBy(() -> startFromTasklist("3000"))
                .hasMessageContaining("Année « 3000 » invalide");
    }

    @Test
    void noConsentingFamily_theReportSaysSo() {
        ProcessInstance refresh = startFromTasklist(String.valueOf(year));
        executeJob(refresh);
        Task report = processEngine.getTaskService().createTaskQuery().processInstanceId(refresh.getId()).singleResult();
        assertThat(processEngine.getTaskService().getVariable(report.getId(), CHANGED_LIST.name()))
                .isEqualTo("Aucune famille n'a changé de tranche.");
        assertThat(processEngine.getTaskService().getVariable(report.getId(), FAILED_LIST.name()))
                .isEqualTo("Toutes les familles ont pu être interrogées.");
    }

    @Test
    void theTimerFiresInJanuary_andAYearAlreadyRefreshedEndsAtOnce() {
        ManagementService management = processEngine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(KEY).timers().active().singleResult();
        assertThat(timer).as("the yearly timer of the latest definition").isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(fr.portailfamille.system.PortalTime.ZONE).getMonth()).isEqualTo(Month.JANUARY);

        jdbc.update("insert into quotient_refresh (refresh_year, process_instance_id, started_at) values (?, 'autre', now())", year);
        management.executeJob(timer.getId());
        List<String> ended = new ArrayList<>();
        processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("QF-" + year).finished().list().forEach(p -> ended.add(p.getEndActivityId()));
        assertThat(ended).contains("EndEvent_AlreadyDone");
        assertThat(management.createJobQuery().processDefinitionKey(KEY).timers().active().count())
                .as("next January's timer").isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------

    private ProcessInstance startFromTasklist(String year) {
        String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return processEngine.getFormService().submitStartForm(definition, Map.of(YEAR.name(), year));
    }

    private void executeJob(ProcessInstance instance) {
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        processEngine.getManagementService().executeJob(job.getId());
    }

    private int asked() {
        return jdbc.queryForObject("select count(*) from quotient_refresh_item where refresh_year = ? and done_at is not null",
                Integer.class, year);
    }

    private int calls(String birthName) {
        return api.server().findAll(getRequestedFor(urlPathEqualTo(QuotientApi.PATH))
                .withQueryParam("nomNaissance", equalTo(birthName))).size();
    }

    private String number(long fileId) {
        return jdbc.queryForObject("select number from family_file where id = ?", String.class, fileId);
    }

    private String name(long fileId) {
        return jdbc.queryForObject("select name from family_file where id = ?", String.class, fileId);
    }

    /**
     * A family file of the test's own whose consent stands, with the allocataire's identity typed (its birth name
     * chooses the fake API's answer) and, unless null, a quotient from the CAF running since January.
     */
    private long family(String birthName, Integer quotient) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + COUNTER.incrementAndGet();
        // the fake API answers these birth names as they are (no file, several people, down)
        boolean fixed = List.of("INCONNU", "HOMONYME", "INDISPONIBLE").contains(birthName);
        String name = fixed ? birthName : birthName + suffix;
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city) values (?, ?, 'Belcourt') returning id",
                Long.class, "6" + suffix, name);
        jdbc.update("""
                insert into quotient_consent (family_file_id, accepted_at, accepted_by, birth_name, first_names, sex, birth_date,
                    birth_commune, birth_country) values (?, now(), 'test', ?, 'CAMILLE', 'F', '1984-07-09', '59350', '99100')""",
                fileId, name);
        if (quotient != null) {
            jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, source) values (?, ?, ?, ?)", fileId, quotient,
                    LocalDate.of(year, 1, 1), quotient == 920 ? "API Particulier (CAF)" : "CAF");
        }
        return fileId;
    }
}
