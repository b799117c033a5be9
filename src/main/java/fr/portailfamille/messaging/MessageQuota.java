package fr.portailfamille.messaging;

import java.util.Optional;

/**
 * How much a family may write: messages (each one becomes a task for a service) and attachment
 * bytes over a sliding window. A port, so that the store of the allowance can change (today the
 * messages themselves in PostgreSQL, shared by every node; a shared rate-limit store later).
 */
interface MessageQuota {

    /**
     * Takes one message carrying {@code attachmentBytes} from the family's allowance, in the
     * caller's transaction (two messages of the same family at once are counted one after the
     * other); the French reason when the allowance is used up, and then nothing is taken.
     */
    Optional<String> take(long familyFileId, long attachmentBytes);
}
