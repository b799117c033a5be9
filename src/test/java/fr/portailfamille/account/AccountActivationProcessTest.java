package fr.portailfamille.account;

import static fr.portailfamille.account.AccountActivationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.portailfamille.family.AccountLinkCandidates;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code accountActivation}, with the real mails and links. */
class AccountActivationProcessTest extends AccountFlows {

    @Autowired
    AccountLinkCandidates linkCandidates;

    @Test
    void familyThatClaimedItsFileActivatesAndIsWelcomed() {
        String name = unique("WELCOME").toUpperCase();
        String email = unique("welcome") + "@example.org";
        String number = newFamilyFile(name, email);
        String username = unique("welcome");
        long accountId = registerPending(username, email, number, name);
        ProcessInstance process = processOf(accountId);
        assertThat(process).isWaitingAt(TASK_SEND_ACTIVATION_LINK);
        assertThat(accountOfFile(number)).as("the file is reserved for the pending account").isEqualTo(accountId);

        jobs().executeDue(process.getId());
        assertThat(process).isWaitingAt(GATEWAY_ACTIVATION);
        assertThat(session().login(username, PASSWORD).url()).as("pending account cannot log in").endsWith("/connexion?inactif");

        Page activated = session().get(activationLink(email));
        assertThat(activated.isRedirectTo("/connexion?active")).isTrue();
        jobs().executeDue(process.getId());

        assertThat(process).hasPassed(EVENT_ACTIVATED, TASK_SEND_WELCOME).isEnded();
        assertThat(process).hasPassed(END_WELCOMED);
        assertThat(mailbox().await(email, "Bienvenue").text()).contains(username).contains(number);
        Page home = session().login(username, PASSWORD);
        assertThat(home.text()).contains(name).contains(number);
    }

    @Test
    void familyWithoutFileIsLinkedByTheGuichetUnique() {
        String email = unique("desklink") + "@example.org";
        String username = unique("desklink");
        ProcessInstance process = activatedWithoutFile(username, email);

        assertThat(process).isWaitingAt(TASK_LINK);
        assertThat(task()).hasCandidateGroup("guichet-unique").hasName("Rattacher le compte à un dossier famille");
        assertThat(process).variables().containsEntry(SIGNED_UP_EMAIL.name(), email).containsEntry(SIGNED_UP_USERNAME.name(), username)
                .containsEntry(SIGNED_UP_NAME.name(), "Mme Camille TEST").containsEntry(SIGNED_UP_PHONE.name(), "0611223344");
        long accountId = Long.parseLong(process.getBusinessKey());
        assertThat(linkCandidates.unlinkedAccounts()).anyMatch(c -> c.accountId() == accountId);
        Page home = session().login(username, PASSWORD);
        assertThat(home.text()).as("meanwhile the family logs in and sees it is not linked")
                .contains("pas encore rattaché à un dossier famille");

        String name = unique("DESK").toUpperCase();
        String number = newFamilyFile(name, "autre." + email);
        processEngine.getTaskService().complete(task().getId(), Map.of(DECISION.name(), DECISION_LINK, FILE_NUMBER.name(), number));
        jobs().executeDue(process.getId());

        assertThat(process).hasPassed(TASK_SEND_LINKED, END_LINKED).isEnded();
        assertThat(accountOfFile(number)).isEqualTo(accountId);
        assertThat(linkCandidates.unlinkedAccounts()).noneMatch(c -> c.accountId() == accountId);
        assertThat(mailbox().await(email, "rattaché").text()).contains(number);
        assertThat(session().login(username, PASSWORD).text()).contains(name).contains(number);
    }

    @Test
    void familyWithoutFileIsAskedToComeToTheDesk() {
        String email = unique("comedesk") + "@example.org";
        ProcessInstance process = activatedWithoutFile(unique("comedesk"), email);

        processEngine.getTaskService().complete(task(process).getId(), Map.of(DECISION.name(), DECISION_DESK));
        jobs().executeDue(process.getId());

        assertThat(process).hasPassed(TASK_SEND_COME_TO_DESK, END_COME_TO_DESK).isEnded();
        assertThat(mailbox().await(email, "Guichet Unique").text()).contains("présentez-vous au Guichet Unique");
    }

    @Test
    void unknownOrClaimedFileNumberIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance process = activatedWithoutFile(unique("refused"), unique("refused") + "@example.org");
        Task open = task(process);

        assertThatThrownBy(() -> processEngine.getTaskService().complete(open.getId(),
                Map.of(DECISION.name(), DECISION_LINK, FILE_NUMBER.name(), "00000000")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("n'existe pas");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(open.getId(),
                Map.of(DECISION.name(), DECISION_LINK, FILE_NUMBER.name(), "100123")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("déjà rattaché");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(open.getId(), Map.of(DECISION.name(), DECISION_LINK)))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(process).isWaitingAt(TASK_LINK);
        assertThat(task(process).getId()).isEqualTo(open.getId());
    }

    @Test
    void accountNotActivatedWithin24HoursIsPurged() {
        String name = unique("EXPIRED").toUpperCase();
        String email = unique("expired") + "@example.org";
        String number = newFamilyFile(name, email);
        String username = unique("expired");
        long accountId = registerPending(username, email, number, name);
        ProcessInstance process = processOf(accountId);
        jobs().executeDue(process.getId());
        assertThat(process).variables().containsEntry(TIMEOUT.name(), "PT24H");

        execute(job(TIMER_EXPIRED, process));

        assertThat(process).hasPassed(TIMER_EXPIRED, TASK_PURGE, END_EXPIRED).isEnded();
        assertThat(accounts.findById(accountId)).isEmpty();
        assertThat(accountOfFile(number)).as("the file is free again").isNull();
        assertThat(jdbc.queryForObject("select count(*) from account_token where account_id = ?", Integer.class, accountId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portal_account where lower(email) = lower(?) or lower(username) = lower(?)",
                Integer.class, email, username)).as("no trace of the e-mail or user name left").isZero();
        // the process history (kept 30 days) holds the account's id, never its personal data
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list())
                .isNotEmpty().extracting(v -> String.valueOf(v.getValue())).doesNotContain(email, username, name);
        long again = registerPending(username, email, number, name);
        assertThat(again).as("user name, e-mail and file are free again").isNotEqualTo(accountId);
    }

    @Test
    void linkClickedAfterExpiryShowsLienExpire() {
        String email = unique("late") + "@example.org";
        String username = unique("late");
        long accountId = registerPending(username, email, null, null);
        ProcessInstance process = processOf(accountId);
        jobs().executeDue(process.getId());
        String link = activationLink(email);

        execute(job(TIMER_EXPIRED, process));
        assertThat(process).hasPassed(END_EXPIRED).isEnded();

        WebSession visitor = session();
        Page page = visitor.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").text()).isEqualTo("Lien expiré");
        assertThat(page.doc().select("a[href=/inscription]").text()).isEqualTo("Recommencer mon inscription");
        assertThat(accounts.findByUsernameIgnoreCase(username)).isEmpty();
    }
}
