package fr.portailfamille.system.waitingroom;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue in PostgreSQL, the same for every node: a sequence numbers the tickets in arrival order,
 * one row says up to which ticket families are let in (it only grows), and the forms kept for the
 * families still waiting.
 */
@Repository
class WaitingRoomStore {

    /** The last ticket given (0 before the first) and the last one let in. */
    record Queue(long lastTicket, long servedUpTo) {

        long waiting() {
            return Math.max(0, lastTicket - servedUpTo);
        }
    }

    /** A form posted while its family waited: where it went, and its fields as the browser encoded them. */
    record KeptForm(String path, String body) {}

    private static final String LAST_TICKET =
            "(select case when is_called then last_value else 0 end from waiting_room_ticket_seq)";

    private final JdbcClient jdbc;

    WaitingRoomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] signingKey() {
        return HexFormat.of().parseHex(jdbc.sql("select signing_key from waiting_room where id = 1").query(String.class).single());
    }

    long nextTicket() {
        return jdbc.sql("select nextval('waiting_room_ticket_seq')").query(Long.class).single();
    }

    Queue queue() {
        return jdbc.sql("select " + LAST_TICKET + " as last_ticket, served_up_to from waiting_room where id = 1")
                .query((rs, i) -> new Queue(rs.getLong("last_ticket"), rs.getLong("served_up_to"))).single();
    }

    /** Lets the next {@code count} families in (never past the last ticket given); the new « served up to ». */
    long admit(int count) {
        return jdbc.sql("update waiting_room set served_up_to = greatest(served_up_to, least(served_up_to + :count, "
                        + LAST_TICKET + ")) where id = 1 returning served_up_to")
                .param("count", count).query(Long.class).single();
    }

    /** Keeps the form (the latest one wins: it is what the family last chose). */
    void keep(long ticket, String path, String body) {
        jdbc.sql("""
                insert into waiting_room_form (ticket, path, body) values (:ticket, :path, :body)
                on conflict (ticket) do update set path = excluded.path, body = excluded.body, saved_at = now()""")
                .param("ticket", ticket).param("path", path).param("body", body).update();
    }

    /** The form kept for the ticket, removed in the same statement: two requests never replay it both. */
    @Transactional
    Optional<KeptForm> take(long ticket) {
        return jdbc.sql("delete from waiting_room_form where ticket = :ticket returning path, body")
                .param("ticket", ticket).query((rs, i) -> new KeptForm(rs.getString("path"), rs.getString("body"))).optional();
    }

    boolean holdsForm(long ticket) {
        return jdbc.sql("select count(*) from waiting_room_form where ticket = :ticket").param("ticket", ticket)
                .query(Long.class).single() > 0;
    }

    /** Forms kept longer than a ticket lives: their family never came back. */
    int forgetFormsBefore(Instant cutoff) {
        return jdbc.sql("delete from waiting_room_form where saved_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
    }
}
