package fr.portailfamille.system.waitingroom;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.dao.CannotAcquireLockException;
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

    /** How long a newcomer waits for its number before the page without one (it asks again by itself). */
    static final long DESK_WAIT_MILLIS = 1500;

    /** Newcomers numbered in one statement at most. */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final HikariDataSource ownPool;
    private final long deskWaitMillis;
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final ReentrantLock desk = new ReentrantLock();

    WaitingRoomStore(JdbcClient jdbc) {
        this(jdbc, null, DESK_WAIT_MILLIS);
    }

    private WaitingRoomStore(JdbcClient jdbc, HikariDataSource ownPool, long deskWaitMillis) {
        this.jdbc = jdbc;
        this.ownPool = ownPool;
        this.deskWaitMillis = deskWaitMillis;
    }

    /**
     * The store on a small pool of its own to the portal's database (same address, user and settings),
     * never waiting behind the pages for a connection; on the portal's pool itself when that is not
     * a Hikari pool whose settings can be copied.
     */
    static WaitingRoomStore onItsOwnConnections(DataSource portal) throws SQLException {
        return onItsOwnConnections(portal, DESK_WAIT_MILLIS);
    }

    /** The same, a newcomer waiting {@code deskWaitMillis} at most for its number. */
    static WaitingRoomStore onItsOwnConnections(DataSource portal, long deskWaitMillis) throws SQLException {
        if (!portal.isWrapperFor(HikariDataSource.class)) {
            return new WaitingRoomStore(JdbcClient.create(portal), null, deskWaitMillis);
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
        return new WaitingRoomStore(JdbcClient.create(own), own, deskWaitMillis);
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
     * address already holds {@code perAddress} places still waiting (0: no limit).
     *
     * <p>Newcomers arriving together are numbered together: whoever holds the desk numbers every
     * arrival waiting at that moment, in arrival order, in one statement (like a database grouping
     * commits), so the opening second's thousands of newcomers cost a few dozen round trips and
     * commits, not one each, and never wait for one of the room's connections in turn. Counted and
     * given in that statement: an address gets at most {@code perAddress} (requests of one address at
     * the very same instant on two nodes may each pass the count: a few more, never thousands).
     *
     * @throws CannotAcquireLockException when no number could be given within the desk's wait ({@link #DESK_WAIT_MILLIS})
     */
    OptionalLong nextTicket(String address, int perAddress) {
        Arrival arrival = new Arrival(address);
        arrivals.add(arrival);
        boolean holding;
        try {
            holding = desk.tryLock(deskWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holding = false;
        }
        if (!holding) {
            if (arrival.abandon()) {
                throw new CannotAcquireLockException("no waiting-room number within " + deskWaitMillis + " ms");
            }
            // already taken by the desk, its statement under way: its answer is ours
            desk.lock();
        }
        try {
            while (!arrival.answered()) {
                numberWaitingArrivals(perAddress);
            }
        } finally {
            desk.unlock();
        }
        return arrival.ticket();
    }

    /** Numbers the arrivals waiting now (at most {@link #BATCH} of them), in one statement. */
    private void numberWaitingArrivals(int perAddress) {
        List<Arrival> batch = new ArrayList<>();
        for (Arrival next; batch.size() < BATCH && (next = arrivals.poll()) != null; ) {
            if (next.take()) {
                batch.add(next);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        String[] addresses = batch.stream().map(Arrival::address).toArray(String[]::new);
        List<long[]> numbered;
        try {
            numbered = jdbc.sql("""
                    with arrival as (
                        select a.address, a.n, row_number() over (partition by a.address order by a.n) as k
                        from unnest(cast(:addresses as text[])) with ordinality as a (address, n)),
                    accepted as (
                        select arrival.n, arrival.address from arrival
                        where :perAddress <= 0
                           or arrival.k + (select count(*) from waiting_room_place p where p.address = arrival.address
                                  and p.ticket > (select served_up_to from waiting_room where id = 1)) <= :perAddress
                        order by arrival.n),
                    numbered as (select n, address, nextval('waiting_room_ticket_seq') as ticket from accepted),
                    placed as (insert into waiting_room_place (ticket, address) select ticket, address from numbered)
                    select n, ticket from numbered""")
                    .param("addresses", addresses).param("perAddress", perAddress)
                    .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("ticket")}).list();
        } catch (RuntimeException e) {
            batch.forEach(a -> a.fail(e));
            throw e;
        }
        // the smallest number to the first arrival, whatever order the rows came back in
        long[] order = numbered.stream().mapToLong(row -> row[0]).sorted().toArray();
        long[] tickets = numbered.stream().mapToLong(row -> row[1]).sorted().toArray();
        OptionalLong[] answers = new OptionalLong[batch.size()];
        Arrays.fill(answers, OptionalLong.empty());
        for (int i = 0; i < order.length; i++) {
            answers[(int) order[i] - 1] = OptionalLong.of(tickets[i]);
        }
        for (int i = 0; i < answers.length; i++) {
            batch.get(i).answer(answers[i]);
        }
    }

    /** A newcomer waiting for its number: taken by the desk, or abandoned by its request past the wait. */
    private static final class Arrival {

        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        private final String address;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile OptionalLong ticket;
        private volatile RuntimeException failure;

        Arrival(String address) {
            this.address = address;
        }

        String address() {
            return address;
        }

        boolean take() {
            return state.compareAndSet(WAITING, TAKEN);
        }

        boolean abandon() {
            return state.compareAndSet(WAITING, ABANDONED);
        }

        void answer(OptionalLong given) {
            ticket = given;
        }

        void fail(RuntimeException e) {
            failure = e;
        }

        boolean answered() {
            return ticket != null || failure != null;
        }

        OptionalLong ticket() {
            if (failure != null) {
                throw failure;
            }
            return ticket;
        }
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
