package fr.portailfamille.messaging;

import fr.portailfamille.system.PortalTime;
import java.time.Instant;

/** One conversation of a family with the town's services, as the staff's family page lists it. */
public record ConversationLine(long id, String subject, String service, int messages, int unanswered, Instant lastMessageAt) {

    public String lastMessageText() {
        return PortalTime.DATE_TIME.format(lastMessageAt.atZone(PortalTime.ZONE));
    }
}
