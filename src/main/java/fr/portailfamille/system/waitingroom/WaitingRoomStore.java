package fr.portailfamille.system.waitingroom;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue in PostgreSQL, the same for every node: a sequence numbers the tickets in arrival order,
 * one row says up to which ticket families are let in (it only grows), the places still waiting with
 * the address that took each, and the forms kept for the families still waiting.
 *
 * <p>Past capacity, every connection of the portal's pool may be held by the pages at work: the room
 * then still answers at once, because it has {@linkplain #onItsOwnConnections connections of its own}
 * (each statement here is one short round trip, in its own transaction).
 */
class WaitingRoomStore implements AutoCloseable {

    /** The room's own connections: newcomers, waiting pages, kept forms and the pulse. */
    static final int POOL_SIZE = 8;

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
    private final HikariDataSource ownPool;

    WaitingRoomStore(JdbcClient jdbc) {
        this(jdbc, null);
    }

    private WaitingRoomStore(JdbcClient jdbc, HikariDataSource ownPool) {
        this.jdbc = jdbc;
        this.ownPool = ownPool;
    }

    /**
     * The store on a small pool of its own to the portal's database (same address, user and settings),
     * never waiting behind the pages for a connection; on the portal's pool itself when that is not
     * a Hikari pool whose settings can be copied.
     */
    static WaitingRoomStore onItsOwnConnections(DataSource portal) throws SQLException {
        if (!portal.isWrapperFor(HikariDataSource.class)) {
            return new WaitingRoomStore(JdbcClient.create(portal));
        }
        HikariDataSource pages = portal.unwrap(HikariDataSource.class);
        HikariDataSource own = new HikariDataSource();
        own.setPoolName("salle-d-attente");
        own.setJdbcUrl(pages.getJdbcUrl());
        own.setUsername(pages.getUsername());
        own.setPassword(pages.getPassword());
        if (pages.getDriverClassName() != null) {
            own.setDriverClassName(pages.getDriverClassName());
        }
        own.setDataSourceProperties(pages.getDataSourceProperties());
        own.setMaximumPoolSize(POOL_SIZE);
        own.setMinimumIdle(1);
        own.setConnectionTimeout(1500);
        return new WaitingRoomStore(JdbcClient.create(own), own);
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    byte[] signingKey() {
        return HexFormat.of().parseHex(jdbc.sql("select signing_key from waiting_room where id = 1").query(String.class).single());
    }

    /**
     * A new ticket, at the back of the queue, for a newcomer from {@code address}; none when that
     * address already holds {@code perAddress} places still waiting (0: no limit). Counted and given in
     * one statement: requests of one address at the very same instant may each pass the count, so an
     * address gets at most {@code perAddress} and a few more, never thousands.
     */
    OptionalLong nextTicket(String address, int perAddress) {
        return jdbc.sql("""
                insert into waiting_room_place (ticket, address)
                select nextval('waiting_room_ticket_seq'), :address
                where :perAddress <= 0 or (select count(*) from waiting_room_place p where p.address = :address
                        and p.ticket > (select served_up_to from waiting_room where id = 1)) < :perAddress
                returning ticket""")
                .param("address", address).param("perAddress", perAddress)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
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
    Optional<KeptForm> take(long ticket) {
        return jdbc.sql("delete from waiting_room_form where ticket = :ticket returning path, body")
                .param("ticket", ticket).query((rs, i) -> new KeptForm(rs.getString("path"), rs.getString("body"))).optional();
    }

    boolean holdsForm(long ticket) {
        return jdbc.sql("select count(*) from waiting_room_form where ticket = :ticket").param("ticket", ticket)
                .query(Long.class).single() > 0;
    }

    /** Forms kept longer than a ticket lives (their family never came back), and the places let in. */
    int purge(Instant cutoff) {
        jdbc.sql("delete from waiting_room_place where ticket <= (select served_up_to from waiting_room where id = 1)").update();
        return jdbc.sql("delete from waiting_room_form where saved_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
    }
}
