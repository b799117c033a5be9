package fr.portailfamille.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.portailfamille.messaging.MessageStore.Direction;
import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.Mailbox.Mail;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.FormRefusal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every path of messageRouting (answered, forwarded then answered, escalated, with or without confirmation) and of writeToFamily. */
class MessageRoutingProcessTest extends PortalIntegrationTest {

    @Autowired Inbox inbox;
    @Autowired MessageStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired FormService forms;
    @Autowired RepositoryService repository;

    private long send(TestFamily family, String service, String theme, boolean confirmation) {
        MessageForm form = new MessageForm();
        form.setService(service);
        form.setTheme(theme);
        form.setSubject("Question de la famille " + family.name());
        form.setBody("Bonjour,\nune question pour le service.");
        form.setConfirmationByMail(confirmation);
        return inbox.send(family.fileId(), form, List.of());
    }

    private ProcessInstance instanceOf(long messageId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MessageRoutingProcess.KEY)
                .processInstanceBusinessKeyLike(String.format("MSG-%06d %%", messageId)).singleResult();
    }

    private Task answerTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(MessageRoutingProcess.TASK_ANSWER).singleResult();
    }

    /** Completes the task as an agent of that group would in Tasklist (authorization checks on). */
    private void completeAs(String user, String group, Task task, String answer, String forwardTo) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(MessageRoutingProcess.ANSWER.name(), answer);
        variables.put(MessageRoutingProcess.FORWARD_TO.name(), forwardTo);
        if (!forwardTo.isEmpty()) {
            variables.put(MessageRoutingProcess.FORWARD_REASON.name(), "Une question de facture.");
        }
        identity.setAuthentication(user, List.of(group));
        try {
            forms.submitTaskForm(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<Message> answers(TestFamily family) {
        return store.messagesOf(family.fileId(), Direction.SERVICE_TO_FAMILY);
    }

    @Test
    void aMessageWithoutConfirmationIsRoutedByTheTableAndAnswered() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Centre de loisirs", "Inscription", false);

        ProcessInstance instance = instanceOf(messageId);
        assertThat(instance).isWaitingAt(MessageRoutingProcess.TASK_ANSWER).hasNotPassed(MessageRoutingProcess.TASK_ACKNOWLEDGE);
        Task task = answerTask(instance);
        assertThat(task).hasCandidateGroup("enfance").hasName("Répondre au message");
        assertThat(store.message(messageId).orElseThrow().handlingGroup()).isEqualTo("enfance");
        assertThat(tasks.getVariableLocal(task.getId(), MessageRoutingProcess.FORM_TEXT)).isEqualTo("Bonjour,\nune question pour le service.");

        completeAs("enfance", "enfance", task, "Bonjour, il reste des places.", "");
        jobs().executeDue(instance.getId());

        assertThat(instance).isEnded().hasPassed(MessageRoutingProcess.TASK_DELIVER_ANSWER, MessageRoutingProcess.END_ANSWERED);
        List<Message> answers = answers(family);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.body()).isEqualTo("Bonjour, il reste des places.");
            assertThat(answer.read()).isFalse();
            assertThat(answer.staffAuthor()).isEqualTo("enfance");
            assertThat(answer.conversationId()).as("same thread").isEqualTo(store.message(messageId).orElseThrow().conversationId());
        });
        Mail mail = mailbox().await(family.email(), "Vous avez reçu une réponse");
        assertThat(mail.text()).doesNotContain("il reste des places").contains("/messagerie");
        assertThat(mailbox().to(family.email())).noneMatch(m -> m.subject().contains("bien été envoyé"));
    }

    @Test
    void aMessageWithConfirmationGetsTheAcknowledgmentMailFirst() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Restauration scolaire", "Menus et allergies", true);

        ProcessInstance instance = instanceOf(messageId);
        assertThat(instance).isWaitingAt(MessageRoutingProcess.TASK_ACKNOWLEDGE);
        jobs().executeDue(instance.getId());

        Mail mail = mailbox().await(family.email(), "Votre message a bien été envoyé");
        assertThat(mail.text()).contains("Restauration scolaire").doesNotContain("une question pour le service");
        assertThat(instance).isWaitingAt(MessageRoutingProcess.TASK_ANSWER);
        assertThat(answerTask(instance)).hasCandidateGroup("restauration");

        completeAs("restauration", "restauration", answerTask(instance), "Le menu sans porc existe.", "");
        jobs().executeDue(instance.getId());
        assertThat(instance).isEnded().hasPassed(MessageRoutingProcess.END_ANSWERED);
    }

    @Test
    void aMessageForwardedToAnotherServiceIsAnsweredByThatService() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Centre de loisirs", "Autre question", false);
        ProcessInstance instance = instanceOf(messageId);

        completeAs("enfance", "enfance", answerTask(instance), "", "finances");

        assertThat(instance).isWaitingAt(MessageRoutingProcess.TASK_ANSWER).hasPassed(MessageRoutingProcess.TASK_REROUTE);
        Task forwarded = answerTask(instance);
        assertThat(forwarded).hasCandidateGroup("finances");
        assertThat(store.message(messageId).orElseThrow().handlingGroup()).isEqualTo("finances");
        assertThat(answers(family)).as("nothing reaches the family on a forward").isEmpty();
        Map<String, Object> form = tasks.getVariablesLocal(forwarded.getId());
        assertThat(form.get(MessageRoutingProcess.FORM_FORWARD_NOTE)).asString().contains("Transféré par").contains("Une question de facture");
        assertThat(form.get(MessageRoutingProcess.FORM_CONVERSATION)).asString().contains("la famille").contains("message à traiter");
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKey(MessageRoutingProcess.FORWARD_REASON.name());

        completeAs("finances", "finances", forwarded, "La facture est corrigée.", "");
        jobs().executeDue(instance.getId());

        assertThat(instance).isEnded().hasPassed(MessageRoutingProcess.END_ANSWERED);
        assertThat(answers(family)).singleElement().satisfies(a -> assertThat(a.staffAuthor()).isEqualTo("finances"));
    }

    @Test
    void aLateMessageIsEscalatedToTheGuichetUniqueWithAHigherPriority() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Centre de loisirs", "Planning et réservations", false);
        ProcessInstance instance = instanceOf(messageId);

        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).as("3 working days include at least 3 calendar days")
                .isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60))
                .isBefore(Instant.now().plus(Duration.ofDays(10)));
        management.executeJob(timer.getId());
        jobs().executeDue(instance.getId());

        assertThat(instance).hasPassed(MessageRoutingProcess.TASK_ESCALATE, MessageRoutingProcess.END_ESCALATED)
                .isWaitingAt(MessageRoutingProcess.TASK_ANSWER);
        Task task = answerTask(instance);
        assertThat(task.getPriority()).isEqualTo(MessageRoutingProcess.LATE_PRIORITY);
        assertThat(task).hasCandidateGroup("enfance");
        Mail alert = mailbox().await("guichet@belcourt.example.org", "en attente de réponse");
        assertThat(alert.text()).contains(family.name()).contains("Service Enfance");

        completeAs("enfance", "enfance", task, "Désolé du retard : c'est réservé.", "");
        jobs().executeDue(instance.getId());
        assertThat(instance).isEnded();
        assertThat(answers(family)).hasSize(1);
    }

    @Test
    void anEmptyAnswerOrAnUnknownServiceIsRefusedAndTheTaskStaysOpen() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Guichet Unique", "Dossier famille", false);
        ProcessInstance instance = instanceOf(messageId);
        Task task = answerTask(instance);

        assertThatThrownBy(() -> completeAs("guichet", "guichet-unique", task, "   ", ""))
                .hasRootCauseInstanceOf(FormRefusal.class).hasMessageContaining("Écrivez une réponse");
        assertThatThrownBy(() -> completeAs("guichet", "guichet-unique", task, "", "piscine"))
                .hasRootCauseInstanceOf(FormRefusal.class).hasMessageContaining("Service inconnu");
        assertThatThrownBy(() -> completeAs("guichet", "guichet-unique", task, "", "guichet-unique"))
                .hasMessageContaining("Le message est déjà au service");
        assertThatThrownBy(() -> {
            identity.setAuthentication("guichet", List.of("guichet-unique"));
            try {
                forms.submitTaskForm(task.getId(), Map.of(MessageRoutingProcess.ANSWER.name(), "", MessageRoutingProcess.FORWARD_TO.name(), "finances"));
            } finally {
                identity.clearAuthentication();
            }
        }).hasMessageContaining("Indiquez le motif du transfert");

        assertThat(instance).isWaitingAt(MessageRoutingProcess.TASK_ANSWER);
        assertThat(answerTask(instance).getId()).isEqualTo(task.getId());
        assertThat(answers(family)).isEmpty();
    }

    @Test
    void anAgentOfAnotherGroupCannotCompleteTheTask() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        long messageId = send(family, "Centre de loisirs", "Inscription", false);
        Task task = answerTask(instanceOf(messageId));

        assertThatThrownBy(() -> completeAs("restauration", "restauration", task, "Je réponds quand même.", ""))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(answers(family)).isEmpty();
    }

    @Test
    void staffWritesFirstAndTheMessageLandsUnreadInTheFamilyInbox() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(WriteToFamilyProcess.KEY)
                .latestVersion().singleResult().getId();

        identity.setAuthentication("enfance", List.of("enfance"));
        ProcessInstance instance;
        try {
            instance = forms.submitStartForm(definitionId, Map.of(WriteToFamilyProcess.FILE_NUMBER.name(), family.number(),
                    WriteToFamilyProcess.SUBJECT.name(), "Pièce manquante", WriteToFamilyProcess.TEXT.name(), "Merci de nous apporter le carnet de vaccination."));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(instance).isWaitingAt(WriteToFamilyProcess.TASK_NOTIFY);
        jobs().executeDue(instance.getId());

        assertThat(instance).isEnded().hasPassed(WriteToFamilyProcess.TASK_DELIVER, WriteToFamilyProcess.END);
        assertThat(answers(family)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Pièce manquante");
            assertThat(m.service()).isEqualTo("Service Enfance");
            assertThat(m.staffAuthor()).isEqualTo("enfance");
            assertThat(m.read()).isFalse();
        });
        Mail mail = mailbox().await(family.email(), "Vous avez reçu un message");
        assertThat(mail.text()).doesNotContain("carnet de vaccination");
    }

    @Test
    void staffWritingToAnUnknownFileIsRefused() {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(WriteToFamilyProcess.KEY)
                .latestVersion().singleResult().getId();
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(WriteToFamilyProcess.KEY).count();

        assertThatThrownBy(() -> forms.submitStartForm(definitionId, Map.of(WriteToFamilyProcess.FILE_NUMBER.name(), "000000",
                WriteToFamilyProcess.SUBJECT.name(), "Objet", WriteToFamilyProcess.TEXT.name(), "Texte")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Aucun dossier famille");
        assertThatThrownBy(() -> forms.submitStartForm(definitionId, Map.of(WriteToFamilyProcess.FILE_NUMBER.name(), "100123",
                WriteToFamilyProcess.SUBJECT.name(), " ", WriteToFamilyProcess.TEXT.name(), "Texte")))
                .isInstanceOf(BadUserRequestException.class);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WriteToFamilyProcess.KEY).count()).isEqualTo(before);
    }
}
