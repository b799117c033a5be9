package fr.portailfamille.messaging;

import java.util.Optional;

/**
 * How much a family may write: messages (each one becomes a task for a service) per hour and per
 * day, and attachment bytes per day, counted for every node together ({@link SharedMessageQuota}).
 */
interface MessageQuota {

    /**
     * Takes one message carrying {@code attachmentBytes} from the family's allowance, atomically
     * (two messages of the same family at once, on any nodes, are counted one after the other) and
     * given back if the caller's transaction rolls back; the French reason when the allowance is
     * used up, and then nothing is taken.
     */
    Optional<String> take(long familyFileId, long attachmentBytes);
}
