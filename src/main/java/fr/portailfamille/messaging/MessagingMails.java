package fr.portailfamille.messaging;

import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The messaging mails; sent now, from asyncBefore steps. None carries a message's content. */
@Component
class MessagingMails {

    private final MailService mail;
    private final Inbox inbox;
    private final IdentityService identity;
    private final PortalProperties properties;

    MessagingMails(MailService mail, Inbox inbox, IdentityService identity, PortalProperties properties) {
        this.mail = mail;
        this.inbox = inbox;
        this.identity = identity;
        this.properties = properties;
    }

    /** « Confirmation par mail »: the family's message reached the service. */
    void acknowledge(long messageId) {
        Message message = inbox.message(messageId);
        toFamily(message, "Votre message a bien été envoyé", "messaging-acknowledgment");
    }

    /** An answer waits in the family's inbox. */
    void answerWaiting(long answerMessageId) {
        toFamily(inbox.message(answerMessageId), "Vous avez reçu une réponse", "messaging-new-message");
    }

    /** A service wrote first. */
    void newMessage(long messageId) {
        toFamily(inbox.message(messageId), "Vous avez reçu un message", "messaging-new-message");
    }

    /** The Guichet Unique learns that a message waits beyond its delay. */
    void late(long messageId, String group) {
        Message message = inbox.message(messageId);
        FamilySummary family = inbox.familyOf(message);
        String groupLabel = StaffGroup.byId(group).map(StaffGroup::label).orElse(group);
        for (User user : identity.createUserQuery().memberOfGroup(StaffGroup.GUICHET_UNIQUE.id()).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                mail.send(user.getEmail(), "Message d'une famille en attente de réponse", "messaging-late", Map.of(
                        "familyName", family.name(), "familyNumber", family.number(), "groupLabel", groupLabel,
                        "sentAt", PortalTime.DATE_TIME.format(message.sentAt().atZone(PortalTime.ZONE)),
                        "tasklistUrl", properties.link("/camunda/app/tasklist/")));
            }
        }
    }

    private void toFamily(Message message, String subject, String template) {
        FamilySummary family = inbox.familyOf(message);
        Map<String, Object> model = Map.of("familyName", family.name(), "service", message.service(),
                "sentAt", PortalTime.DATE_TIME.format(message.sentAt().atZone(PortalTime.ZONE)),
                "inboxUrl", properties.link("/messagerie"));
        for (String address : family.emails()) {
            mail.send(address, subject, template, model);
        }
    }
}
