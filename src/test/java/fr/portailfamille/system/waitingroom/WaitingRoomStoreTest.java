package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.support.PortalIntegrationTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The room's numbers as a node gives them at the opening, against PostgreSQL: thousands of newcomers at
 * the same instant, numbered together by whichever holds the desk, each with a number of its own, in
 * arrival order, within the allowance of its address.
 */
class WaitingRoomStoreTest extends PortalIntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired WaitingRoom room;

    private static final long DESK_WAIT_MILLIS = 10_000;

    private WaitingRoomStore store;
    private final ExecutorService newcomers = Executors.newFixedThreadPool(64);

    @BeforeEach
    void openTheDesk() throws Exception {
        // a long wait at the desk: the newcomers queued one by one below stay queued on a loaded machine too
        store = WaitingRoomStore.onItsOwnConnections(dataSource, DESK_WAIT_MILLIS);
    }

    @AfterEach
    void letEveryoneIn() {
        newcomers.shutdownNow();
        store.close();
        long last = lastTicket();
        jdbc.update("update waiting_room set served_up_to = greatest(served_up_to, ?) where id = 1", last);
        jdbc.update("delete from waiting_room_place where ticket <= ?", last);
        WaitingRoomTest.awaitTrue(() -> room.admitted(last) && !room.open());
    }

    @Test
    void newcomersArrivingTogetherEachGetANumberOfTheirOwnWithoutGapAndTheirAddressCounted() throws Exception {
        long before = lastTicket();
        int families = 400;
        CountDownLatch opening = new CountDownLatch(1);
        List<Future<OptionalLong>> answers = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            String address = "192.0.2." + (i % 200) + "/" + i;
            answers.add(newcomers.submit(() -> {
                opening.await();
                return store.nextTicket(address, 0);
            }));
        }
        opening.countDown();
        List<Long> tickets = new ArrayList<>();
        for (Future<OptionalLong> answer : answers) {
            tickets.add(answer.get().orElseThrow());
        }

        assertThat(tickets).doesNotHaveDuplicates().allMatch(t -> t > before && t <= before + families);
        assertThat(lastTicket()).isEqualTo(before + families);
        // each place kept with the address of the newcomer that was given it
        Map<Long, String> placed = jdbc.queryForList("select ticket, address from waiting_room_place where ticket > ?", before)
                .stream().collect(Collectors.toMap(r -> ((Number) r.get("ticket")).longValue(), r -> (String) r.get("address")));
        for (int i = 0; i < families; i++) {
            assertThat(placed.get(tickets.get(i))).isEqualTo("192.0.2." + (i % 200) + "/" + i);
        }
    }

    @Test
    void oneAddressFloodingAtTheSameInstantGetsItsAllowanceAndTheOthersTheirPlaces() throws Exception {
        long before = lastTicket();
        CountDownLatch opening = new CountDownLatch(1);
        List<Future<OptionalLong>> flood = new ArrayList<>();
        List<Future<OptionalLong>> others = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            flood.add(newcomers.submit(() -> {
                opening.await();
                return store.nextTicket("198.51.100.66", 20);
            }));
            if (i % 3 == 0) {
                String address = "203.0.113." + i;
                others.add(newcomers.submit(() -> {
                    opening.await();
                    return store.nextTicket(address, 20);
                }));
            }
        }
        opening.countDown();

        long given = 0;
        for (Future<OptionalLong> answer : flood) {
            given += answer.get().isPresent() ? 1 : 0;
        }
        assertThat(given).as("one node counts the address's places exactly").isEqualTo(20);
        for (Future<OptionalLong> answer : others) {
            assertThat(answer.get()).isPresent();
        }
        assertThat(lastTicket() - before).isEqualTo(20 + others.size());
        assertThat(jdbc.queryForObject("select count(*) from waiting_room_place where address = '198.51.100.66' and ticket > ?",
                Long.class, before)).isEqualTo(20);
    }

    @Test
    void newcomersQueuedWhileTheDeskIsBusyAreNumberedTogetherInArrivalOrder() throws Exception {
        long before = lastTicket();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // the places' table held: the first newcomer's statement waits, the next ones queue at the desk
            blocker.createStatement().execute("lock table waiting_room_place in exclusive mode");
            List<Future<OptionalLong>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String address = "192.0.2." + (i + 1);
                CountDownLatch started = new CountDownLatch(1);
                Thread[] self = new Thread[1];
                answers.add(newcomers.submit(() -> {
                    self[0] = Thread.currentThread();
                    started.countDown();
                    return store.nextTicket(address, 0);
                }));
                started.await();
                Thread arrival = self[0];
                if (i == 0) {
                    // the first holds the desk, its statement waiting for the table
                    WaitingRoomTest.awaitTrue(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted"
                            + " and relation = 'waiting_room_place'::regclass", Long.class) > 0);
                } else {
                    // the next ones wait at the desk, in the order they came
                    WaitingRoomTest.awaitTrue(() -> arrival.getState() == Thread.State.TIMED_WAITING);
                }
            }
            blocker.rollback();

            long previous = before;
            for (Future<OptionalLong> answer : answers) {
                long ticket = answer.get().orElseThrow();
                assertThat(ticket).as("numbers follow the arrivals").isGreaterThan(previous);
                previous = ticket;
            }
            assertThat(previous).isEqualTo(before + 6);
        }
    }

    @Test
    void aNewcomerNotNumberedWithinTheWaitGetsNoNumberAndTakesNoPlace() throws Exception {
        long before = lastTicket();
        try (WaitingRoomStore impatient = WaitingRoomStore.onItsOwnConnections(dataSource, 300);
                Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table waiting_room_place in exclusive mode");
            Future<OptionalLong> first = newcomers.submit(() -> impatient.nextTicket("192.0.2.1", 0));
            WaitingRoomTest.awaitTrue(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted"
                    + " and relation = 'waiting_room_place'::regclass", Long.class) > 0);
            Future<OptionalLong> second = newcomers.submit(() -> impatient.nextTicket("192.0.2.2", 0));
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CannotAcquireLockException.class);
            blocker.rollback();
            assertThat(first.get().orElseThrow()).isEqualTo(before + 1);
            assertThat(lastTicket()).as("the newcomer that gave up took no number").isEqualTo(before + 1);
            assertThat(impatient.nextTicket("192.0.2.3", 0).orElseThrow()).isEqualTo(before + 2);
        }
    }

    private long lastTicket() {
        return jdbc.queryForObject("select case when is_called then last_value else 0 end from waiting_room_ticket_seq", Long.class);
    }
}
