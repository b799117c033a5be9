package fr.portailfamille.messaging;

import org.springframework.stereotype.Service;

/** The messaging module's public service: what the portal's tabs and tiles show. */
@Service
public class Messaging {

    private final MessageStore store;

    Messaging(MessageStore store) {
        this.store = store;
    }

    /** The unread messages of a family file. */
    public int unreadCount(long familyFileId) {
        return store.unreadCount(familyFileId);
    }
}
