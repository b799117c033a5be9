package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Process {@code familyFileCreation}: started by the Guichet Unique with its start form, then maybe an account linked. */
class FamilyFileCreationProcessTest extends PortalIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Long> waitingAccounts = new ArrayList<>();

    /** The accounts a test made waiting and that no file took: removed, so no later test finds them waiting. */
    @AfterEach
    void noWaitingAccount() {
        for (long accountId : waitingAccounts) {
            jdbc.sql("delete from portal_account where id = ? and id not in (select account_id from family_file where account_id is not null)")
                    .param(accountId).update();
        }
    }

    @Test
    void theGuichetUniqueStartsItFromTasklistAndTheFileIsCreatedWithTheNextNumber() {
        String name = "GARNIER" + System.nanoTime() % 100000;
        WebSession agent = session();
        String json = """
                {"variables": {
                  "familyName": {"value": "%s"}, "addressLine": {"value": "5 rue du Port"}, "postalCode": {"value": "59210"},
                  "city": {"value": "Belcourt"}, "guardianLastName": {"value": "Garnier"}, "guardianFirstName": {"value": "Inès"},
                  "guardianEmail": {"value": "ines.garnier@example.org"}, "guardianPhone": {"value": "06 44 55 66 77"},
                  "child1FirstName": {"value": "Noé"}, "child1BirthDate": {"value": "2019-02-03"},
                  "child2FirstName": {"value": "Zoé"}, "child2LastName": {"value": "Leroy"}, "child2BirthDate": {"value": "2021-07-08"}}}
                """.formatted(name);

        var started = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/process-definition/key/familyFileCreation/submit-form"))
                .header("Authorization", basic("guichet")).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String processId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processId)
                .activityId(FamilyFileCreationProcess.TASK_CREATE).finished().count()).isOne();
        if (runtimeService().createProcessInstanceQuery().processInstanceId(processId).count() > 0) {
            // accounts left waiting by other tests: this file is not theirs
            complete(task(runtimeService().createProcessInstanceQuery().processInstanceId(processId).singleResult()),
                    withVariables(FamilyFileCreationProcess.ACCOUNT_USERNAME.name(), ""));
        }
        Map<String, Object> file = jdbc.sql("select id, number, name, postal_code from family_file where name = ?").param(name).query().singleRow();
        assertThat(Long.parseLong((String) file.get("number"))).isGreaterThanOrEqualTo(100125);
        assertThat(jdbc.sql("select first_name || ' ' || last_name from child where family_file_id = ? order by birth_date")
                .param(file.get("id")).query(String.class).list()).containsExactly("Noé " + name, "Zoé LEROY");
        assertThat(jdbc.sql("select email from guardian where family_file_id = ?").param(file.get("id")).query(String.class).single())
                .isEqualTo("ines.garnier@example.org");
    }

    @Test
    void noAccountWaiting_theProcessEndsOnceTheFileIsCreated() {
        // in one transaction rolled back at the end: the accounts other tests left waiting are set aside meanwhile
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("""
                    update portal_account a set status = 'PENDING' where status = 'ACTIVE'
                    and not exists (select 1 from family_file f where f.account_id = a.id)""").update();
            Map<String, Object> form = form("PERRIN");

            ProcessInstance process = start(form);

            assertThat(process).isEnded().hasPassed(FamilyFileCreationProcess.TASK_CREATE, FamilyFileCreationProcess.END_CREATED)
                    .hasNotPassed(FamilyFileCreationProcess.TASK_CHOOSE_ACCOUNT);
            assertThat(jdbc.sql("select count(*) from family_file where name = ?").param(form.get("familyName")).query(Long.class).single())
                    .isOne();
            tx.setRollbackOnly();
        });
    }

    @Test
    void anotherServiceCannotStartIt() {
        WebSession agent = session();
        var started = agent.send(HttpRequest.newBuilder(agent.uri("/engine-rest/process-definition/key/familyFileCreation/submit-form"))
                .header("Authorization", basic("enfance")).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {}}")));
        assertThat(started.status()).as("enfance neither sees nor starts the process").isIn(403, 404);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(FamilyFileCreationProcess.KEY)
                .startedBy("enfance").count()).isZero();
    }

    @Test
    void accountWaitingAndChosen_theAccountIsLinkedToTheNewFile() {
        long accountId = waitingAccount("attente");
        ProcessInstance process = start(form("MOREAU"));

        assertThat(process).isWaitingAt(FamilyFileCreationProcess.TASK_CHOOSE_ACCOUNT);
        assertThat(task(process)).hasCandidateGroup("guichet-unique");
        String username = jdbc.sql("select username from portal_account where id = ?").param(accountId).query(String.class).single();
        assertThat((String) runtimeService().getVariable(process.getId(), FamilyFileCreationProcess.CANDIDATE_USERNAMES.name())).contains(username);

        complete(task(process), withVariables(FamilyFileCreationProcess.ACCOUNT_USERNAME.name(), username));

        assertThat(process).isEnded().hasPassed(FamilyFileCreationProcess.TASK_LINK, FamilyFileCreationProcess.END_LINK_OFFERED);
        long fileId = ((Number) historicVariable(process, FamilyFileCreationProcess.FAMILY_FILE_ID.name())).longValue();
        assertThat(jdbc.sql("select account_id from family_file where id = ?").param(fileId).query(Long.class).single()).isEqualTo(accountId);
    }

    @Test
    void accountWaitingButNoneChosen_theFileStaysUnlinked() {
        waitingAccount("autre");
        ProcessInstance process = start(form("FABRE"));

        complete(task(process), withVariables(FamilyFileCreationProcess.ACCOUNT_USERNAME.name(), ""));

        assertThat(process).isEnded().hasPassed(FamilyFileCreationProcess.END_LINK_OFFERED);
        long fileId = ((Number) historicVariable(process, FamilyFileCreationProcess.FAMILY_FILE_ID.name())).longValue();
        assertThat(jdbc.sql("select account_id from family_file where id = ?").param(fileId).query(Long.class).optional()).isEmpty();
    }

    @Test
    void anAccountThatIsNotWaitingCannotBeLinked() {
        waitingAccount("choix");
        ProcessInstance process = start(form("BLANC"));

        assertThatThrownBy(() -> complete(task(process), withVariables(FamilyFileCreationProcess.ACCOUNT_USERNAME.name(), "dupont")))
                .hasMessageContaining("n'attend pas de rattachement");
        assertThat(process).isWaitingAt(FamilyFileCreationProcess.TASK_CHOOSE_ACCOUNT);
    }

    @Test
    void aWrongStartFormCreatesNothing() {
        Map<String, Object> form = form("FAURE");
        form.put(FamilyFileCreationProcess.GUARDIAN_PHONE.name(), "téléphone");
        form.put(FamilyFileCreationProcess.childBirthDate(1), java.time.LocalDate.now().plusYears(1).toString());

        assertThatThrownBy(() -> start(form)).hasMessageContaining("Le dossier n'est pas créé")
                .hasMessageContaining("numéro de téléphone français").hasMessageContaining("dans le futur");
        assertThat(jdbc.sql("select count(*) from family_file where name = ?").param(form.get("familyName")).query(Long.class).single()).isZero();
    }

    private Map<String, Object> form(String familyName) {
        Map<String, Object> form = new HashMap<>();
        form.put(FamilyFileCreationProcess.FAMILY_NAME.name(), familyName + System.nanoTime() % 100000);
        form.put(FamilyFileCreationProcess.ADDRESS_LINE.name(), "8 avenue de la Gare");
        form.put(FamilyFileCreationProcess.POSTAL_CODE.name(), "59210");
        form.put(FamilyFileCreationProcess.CITY.name(), "Belcourt");
        form.put(FamilyFileCreationProcess.GUARDIAN_LAST_NAME.name(), familyName);
        form.put(FamilyFileCreationProcess.GUARDIAN_FIRST_NAME.name(), "Sam");
        form.put(FamilyFileCreationProcess.GUARDIAN_EMAIL.name(), "sam." + familyName.toLowerCase() + "@example.org");
        form.put(FamilyFileCreationProcess.GUARDIAN_PHONE.name(), "0612345678");
        form.put(FamilyFileCreationProcess.childFirstName(1), "Lou");
        form.put(FamilyFileCreationProcess.childBirthDate(1), "2020-01-15");
        return form;
    }

    private ProcessInstance start(Map<String, Object> form) {
        return runtimeService().startProcessInstanceByKey(FamilyFileCreationProcess.KEY, form);
    }

    private long waitingAccount(String prefix) {
        String username = prefix + System.nanoTime() % 1000000;
        long id = jdbc.sql("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, '{noop}x', 'ACTIVE', 'ATTENTE', 'Eva', now()) returning id""")
                .params(username, username + "@example.org").query(Long.class).single();
        waitingAccounts.add(id);
        return id;
    }

    private Object historicVariable(ProcessInstance process, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).variableName(name).singleResult().getValue();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
