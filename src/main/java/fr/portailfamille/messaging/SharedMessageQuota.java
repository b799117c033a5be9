package fr.portailfamille.messaging;

import fr.portailfamille.system.limits.SharedLimits;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The allowance kept like the portal's other limits ({@link SharedLimits}: Bucket4j buckets in
 * PostgreSQL, shared by every node, each taken atomically): per family, messages per hour and per
 * day, attachment bytes per day, each bucket filled again at the end of its window. A message takes
 * from the three buckets or from none: a refusal gives back what was taken, and so does a message
 * whose transaction is rolled back. Limits in {@code portal.messaging.*}.
 */
@Component
class SharedMessageQuota implements MessageQuota {

    private static final long MEGABYTE = 1024 * 1024;

    private final SharedLimits.Limit perHour;
    private final SharedLimits.Limit perDay;
    private final SharedLimits.Limit bytesPerDay;

    SharedMessageQuota(SharedLimits limits, @Value("${portal.messaging.messages-per-hour:10}") int perHour,
            @Value("${portal.messaging.messages-per-day:30}") int perDay,
            @Value("${portal.messaging.attachment-megabytes-per-day:50}") int attachmentMegabytesPerDay) {
        this.perHour = limits.limit("messages-hour", perHour, Duration.ofHours(1));
        this.perDay = limits.limit("messages-day", perDay, Duration.ofDays(1));
        this.bytesPerDay = limits.limit("message-bytes-day", Math.toIntExact(attachmentMegabytesPerDay * MEGABYTE), Duration.ofDays(1));
    }

    @Override
    public Optional<String> take(long familyFileId, long attachmentBytes) {
        String family = Long.toString(familyFileId);
        if (perHour.tryTake(family) < 0) {
            return Optional.of(tooMany(perHour.capacity() + " messages en une heure"));
        }
        if (perDay.tryTake(family) < 0) {
            perHour.giveBack(family);
            return Optional.of(tooMany(perDay.capacity() + " messages en un jour"));
        }
        if (bytesPerDay.tryTake(family, attachmentBytes) < 0) {
            perHour.giveBack(family);
            perDay.giveBack(family);
            return Optional.of("vos pièces jointes dépasseraient " + bytesPerDay.capacity() / MEGABYTE
                    + " Mo sur une journée. Envoyez ce message sans pièce jointe ou plus tard, ou déposez les documents au Guichet Unique.");
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        perHour.giveBack(family);
                        perDay.giveBack(family);
                        bytesPerDay.giveBack(family, attachmentBytes);
                    }
                }
            });
        }
        return Optional.empty();
    }

    private static String tooMany(String what) {
        return "vous avez envoyé " + what + ", le maximum. Réessayez plus tard ; pour une urgence, appelez le Guichet Unique.";
    }
}
