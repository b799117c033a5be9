package fr.portailfamille.messaging;

import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.FormRefusal;
import fr.portailfamille.system.Markdown;
import fr.portailfamille.system.PortalProperties;
import java.util.stream.Collectors;
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
        String links = store.attachmentsOfThread(message.conversationId()).stream()
                .map(a -> "- [" + Markdown.escape(a.fileName()) + "](" + properties.link("/agent/messagerie/pieces-jointes/" + a.id()) + ")")
                .collect(Collectors.joining("\n"));
        task.setVariableLocal(MessageRoutingProcess.FORM_ATTACHMENTS, links.isEmpty() ? "Aucune pièce jointe dans la conversation."
                : "**Pièces jointes de la conversation**\n\n" + links);
        task.setVariableLocal(MessageRoutingProcess.FORM_CONVERSATION, conversation(message));
        Object reason = task.getVariable(MessageRoutingProcess.FORWARDED_REASON.name());
        Object from = task.getVariable(MessageRoutingProcess.FORWARDED_FROM.name());
        task.setVariableLocal(MessageRoutingProcess.FORM_FORWARD_NOTE, reason instanceof String text && !text.isBlank()
                ? "**Transféré par " + Markdown.escape(StaffGroup.byId(String.valueOf(from)).map(StaffGroup::label).orElse(String.valueOf(from)))
                        + "** : " + Markdown.escape(text)
                : "");
    }

    /** The whole thread, oldest first, as the form shows it: who wrote, when, and the text. */
    private String conversation(Message message) {
        return store.thread(message.conversationId()).stream()
                .map(m -> "**" + m.sentAtText() + " – " + (m.fromFamily() ? "la famille" : Markdown.escape(m.service())
                        + (m.staffAuthor() == null ? "" : " (" + Markdown.escape(m.staffAuthor()) + ")")) + "**"
                        + (m.id() == message.id() ? " – message à traiter" : "") + "\n\n" + Markdown.quote(m.body()))
                .collect(Collectors.joining("\n\n"));
    }

    private void check(DelegateTask task) {
        Object answer = task.getVariable(MessageRoutingProcess.ANSWER.name());
        Object forward = task.getVariable(MessageRoutingProcess.FORWARD_TO.name());
        String forwardTo = forward == null ? "" : forward.toString().trim();
        String answerText = answer == null ? "" : answer.toString();
        if (!forwardTo.isEmpty() && StaffGroup.byId(forwardTo).isEmpty()) {
            throw new FormRefusal("Service inconnu pour le transfert : « " + forwardTo + " ».");
        }
        String group = String.valueOf(task.getVariable(MessageRoutingProcess.GROUP.name()));
        if (forwardTo.equals(group)) {
            throw new FormRefusal("Le message est déjà au service " + StaffGroup.byId(group).map(StaffGroup::label).orElse(group)
                    + " : transférez-le à un autre service, ou répondez à la famille.");
        }
        if (forwardTo.isEmpty() && answerText.isBlank()) {
            throw new FormRefusal("Écrivez une réponse à la famille, ou choisissez un service vers lequel transférer le message.");
        }
        if (answerText.length() > MessageForm.MAX_BODY) {
            throw new FormRefusal("La réponse ne doit pas dépasser " + MessageForm.MAX_BODY + " caractères.");
        }
        Object reason = task.getVariable(MessageRoutingProcess.FORWARD_REASON.name());
        String reasonText = reason == null ? "" : reason.toString().strip();
        if (!forwardTo.isEmpty()) {
            if (reasonText.isEmpty()) {
                throw new FormRefusal("Indiquez le motif du transfert : il est montré au service qui reçoit le message.");
            }
            if (reasonText.length() > 1000) {
                throw new FormRefusal("Le motif du transfert ne dépasse pas 1000 caractères.");
            }
            task.getExecution().setVariable(MessageRoutingProcess.FORWARD_REASON.name(), reasonText);
            task.getExecution().setVariable(MessageRoutingProcess.FORWARDED_FROM.name(), group);
        }
        task.getExecution().setVariable(MessageRoutingProcess.FORWARD_TO.name(), forwardTo);
        task.getExecution().setVariable(MessageRoutingProcess.ANSWER.name(), answerText);
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.getExecution().setVariable(MessageRoutingProcess.ANSWERED_BY.name(), user == null ? null : user.getUserId());
    }
}
