package fr.portailfamille.messaging;

import org.springframework.stereotype.Service;

/** The messaging module's public service: what the portal's tabs and tiles show. */
@Service
public class Messaging {

    private final MessageStore store;

    Messaging(MessageStore store) {
        this.store = store;
    }

    /** A family's conversations, latest first (subjects and counts only: the texts stay in the tasks and the family's pages). */
    public java.util.List<ConversationLine> conversationsOf(long familyFileId) {
        return store.conversationsOf(familyFileId);
    }

    /** The unread messages of a family file. */
    public int unreadCount(long familyFileId) {
        return store.unreadCount(familyFileId);
    }
}
