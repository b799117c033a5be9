package fr.portailfamille.messaging;

import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.PortalProperties;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * « Répondre au message »: on create, the message is recorded as handled by the task's group and the
 * form gets what it shows (task-local); on complete, the submission is checked again on the server
 * (an answer unless forwarding, a known service to forward to): a refusal keeps the task open.
 */
@Component
class AnswerTaskListener implements TaskListener {

    private final Inbox inbox;
    private final MessageStore store;
    private final PortalProperties properties;

    AnswerTaskListener(Inbox inbox, MessageStore store, PortalProperties properties) {
        this.inbox = inbox;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        long messageId = MessageRoutingProcess.MESSAGE_ID.require(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prepare(task, messageId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            check(task);
        }
    }

    private void prepare(DelegateTask task, long messageId) {
        inbox.routedTo(messageId, MessageRoutingProcess.GROUP.get(task));
        Message message = inbox.message(messageId);
        var family = inbox.familyOf(message);
        task.setVariableLocal(MessageRoutingProcess.FORM_FAMILY, family.name() + " (dossier n° " + family.number() + ")");
        task.setVariableLocal(MessageRoutingProcess.FORM_SUBJECT, message.service()
                + (message.theme() == null || message.theme().isEmpty() ? "" : " – " + message.theme()) + " : " + message.subject());
        task.setVariableLocal(MessageRoutingProcess.FORM_TEXT, message.body());
        String links = store.attachmentsOf(messageId).stream()
                .map(a -> "- [" + a.fileName() + "](" + properties.link("/agent/messagerie/pieces-jointes/" + a.id()) + ")")
                .collect(Collectors.joining("\n"));
        task.setVariableLocal(MessageRoutingProcess.FORM_ATTACHMENTS, links.isEmpty() ? "Aucune pièce jointe." : "**Pièces jointes**\n\n" + links);
    }

    private void check(DelegateTask task) {
        Object answer = task.getVariable(MessageRoutingProcess.ANSWER.name());
        Object forward = task.getVariable(MessageRoutingProcess.FORWARD_TO.name());
        String forwardTo = forward == null ? "" : forward.toString().trim();
        String answerText = answer == null ? "" : answer.toString();
        if (!forwardTo.isEmpty() && StaffGroup.byId(forwardTo).isEmpty()) {
            throw new BadUserRequestException("Service inconnu pour le transfert : « " + forwardTo + " ».");
        }
        if (forwardTo.isEmpty() && answerText.isBlank()) {
            throw new BadUserRequestException(
                    "Écrivez une réponse à la famille, ou choisissez un service vers lequel transférer le message.");
        }
        if (answerText.length() > MessageForm.MAX_BODY) {
            throw new BadUserRequestException("La réponse ne doit pas dépasser " + MessageForm.MAX_BODY + " caractères.");
        }
        task.getExecution().setVariable(MessageRoutingProcess.FORWARD_TO.name(), forwardTo);
        task.getExecution().setVariable(MessageRoutingProcess.ANSWER.name(), answerText);
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.getExecution().setVariable(MessageRoutingProcess.ANSWERED_BY.name(), user == null ? null : user.getUserId());
    }
}
