package fr.portailfamille.messaging;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allowance counted from what the family already sent (messages and their attachments of the
 * last hour and day), under a per-family advisory lock held until the caller commits: exact across
 * nodes and requests, nothing kept in memory. Limits in {@code portal.messaging.*}.
 */
@Component
class StoredMessageQuota implements MessageQuota {

    /** The advisory lock's first key: « MSGQ », so no other lock of the portal shares it. */
    private static final int LOCK_CLASS = 0x4D534751;

    private final JdbcTemplate jdbc;
    private final int perHour;
    private final int perDay;
    private final long attachmentBytesPerDay;

    StoredMessageQuota(JdbcTemplate jdbc, @Value("${portal.messaging.messages-per-hour:10}") int perHour,
            @Value("${portal.messaging.messages-per-day:30}") int perDay,
            @Value("${portal.messaging.attachment-megabytes-per-day:50}") long attachmentMegabytesPerDay) {
        this.jdbc = jdbc;
        this.perHour = perHour;
        this.perDay = perDay;
        this.attachmentBytesPerDay = attachmentMegabytesPerDay * 1024 * 1024;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> take(long familyFileId, long attachmentBytes) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", LOCK_CLASS, (int) (familyFileId ^ (familyFileId >>> 32)));
        var sent = jdbc.queryForMap("""
                select count(*) filter (where m.sent_at > now() - interval '1 hour') as last_hour, count(*) as last_day,
                       coalesce((select sum(a.size_bytes) from message_attachment a join message n on n.id = a.message_id
                                 where n.family_file_id = ? and n.direction = 'FAMILY_TO_SERVICE'
                                   and n.sent_at > now() - interval '1 day'), 0) as bytes
                from message m where m.family_file_id = ? and m.direction = 'FAMILY_TO_SERVICE' and m.sent_at > now() - interval '1 day'
                """, familyFileId, familyFileId);
        long lastHour = ((Number) sent.get("last_hour")).longValue();
        long lastDay = ((Number) sent.get("last_day")).longValue();
        long bytes = ((Number) sent.get("bytes")).longValue();
        if (lastHour >= perHour || lastDay >= perDay) {
            return Optional.of("vous avez envoyé " + (lastHour >= perHour ? perHour + " messages en une heure" : perDay + " messages en un jour")
                    + ", le maximum. Réessayez plus tard ; pour une urgence, appelez le Guichet Unique.");
        }
        if (bytes + attachmentBytes > attachmentBytesPerDay) {
            return Optional.of("vos pièces jointes dépasseraient " + attachmentBytesPerDay / (1024 * 1024)
                    + " Mo sur une journée. Envoyez ce message sans pièce jointe ou plus tard, ou déposez les documents au Guichet Unique.");
        }
        return Optional.empty();
    }
}
