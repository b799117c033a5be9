package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.security.LoginLoad;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * How one node lets families in on each pulse: at its pace, which rises while the node has room and
 * falls while it is full (requests in flight on average over the pulse), strictly by ticket number,
 * never past the last ticket given. The shared queue is played by a copy in memory, the clock by the test.
 */
class WaitingRoomPulseTest {

    private static final long SECOND = 1_000_000_000L;

    /** The shared queue, in memory, with the address that took each ticket. */
    static class QueueInMemory extends WaitingRoomStore {
        long lastTicket;
        long servedUpTo;
        int asked;
        final List<String> addresses = new ArrayList<>();

        QueueInMemory(long lastTicket) {
            super(null);
            this.lastTicket = lastTicket;
        }

        @Override
        Queue queue() {
            return new Queue(lastTicket, servedUpTo);
        }

        @Override
        long admit(int count) {
            servedUpTo = Math.max(servedUpTo, Math.min(servedUpTo + count, lastTicket));
            return servedUpTo;
        }

        @Override
        OptionalLong nextTicket(String address, int perAddress) {
            asked++;
            long waiting = 0;
            for (int i = 0; i < addresses.size(); i++) {
                if (addresses.get(i).equals(address) && lastTicket - addresses.size() + i + 1 > servedUpTo) {
                    waiting++;
                }
            }
            if (perAddress > 0 && waiting >= perAddress) {
                return OptionalLong.empty();
            }
            addresses.add(address);
            return OptionalLong.of(++lastTicket);
        }

        @Override
        int purge(Instant cutoff) {
            return 0;
        }
    }

    private final QueueInMemory queue = new QueueInMemory(50);
    /** The node's clock, in nanoseconds, moved by the test. */
    private final long[] now = {0};
    private final WaitingRoom room = new WaitingRoom(queue,
            new WaitingRoomSettings(true, 3, 10, 100, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(10), List.of()),
            new LoginLoad(), Clock.systemUTC(), () -> now[0]);

    private void at(long nanos) {
        now[0] = nanos;
    }

    @Test
    void familiesGetInByNumberWhileTheNodeHasRoomAndNobodyWhileItIsFull() {
        at(SECOND);
        room.pulse();
        assertThat(queue.servedUpTo).as("a second with nothing in flight: the pace rises by a quarter of 10, 12 families in").isEqualTo(12);
        assertThat(room.admitted(12)).isTrue();
        assertThat(room.admitted(13)).isFalse();
        assertThat(room.place(20).position()).isEqualTo(8);

        room.entered();
        room.entered();
        room.entered();
        assertThat(room.overloaded()).isTrue();
        at(2 * SECOND);
        room.pulse();
        assertThat(queue.servedUpTo).as("three requests in flight all the second (its ceiling): nobody more").isEqualTo(12);
        assertThat(room.currentPace()).as("and the pace falls by a fifth").isEqualTo(10.0);

        room.left();
        room.left();
        room.left();
        at(3 * SECOND);
        room.pulse();
        assertThat(queue.servedUpTo).as("a free second: the pace rises again, the next 12 by number").isEqualTo(24);

        room.entered();
        room.entered();
        for (int second = 4; second <= 6; second++) {
            at(second * SECOND);
            room.pulse();
            assertThat(room.currentPace()).as("two of three in flight on average: the pace holds").isEqualTo(12.5);
        }
        assertThat(queue.servedUpTo).as("never past the last ticket given").isEqualTo(50);
        room.left();
        room.left();
        assertThat(room.open()).as("nobody waits, nothing in flight: the room is closed").isFalse();
        assertThat(room.issue("203.0.113.7")).hasValue(51);
        assertThat(room.open()).as("a ticket just given on this node: the next newcomer queues behind it").isTrue();
    }

    @Test
    void thePaceRisesOnlyOnceTheFamiliesLetInHaveCome() {
        QueueInMemory crowd = new QueueInMemory(100_000);
        WaitingRoom node = new WaitingRoom(crowd,
                new WaitingRoomSettings(true, 10, 20, 100, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(10), List.of()),
                new LoginLoad(), Clock.systemUTC(), () -> now[0]);
        for (int second = 1; second <= 4; second++) {
            at(second * SECOND);
            node.pulse();
        }
        assertThat(node.currentPace()).as("the node free, but nobody let in has come yet: the pace stops rising").isEqualTo(40.0);
        double held = node.currentPace();
        at(5 * SECOND);
        node.pulse();
        assertThat(node.currentPace()).isEqualTo(held);

        node.arrived(crowd.servedUpTo - 10);
        at(6 * SECOND);
        node.pulse();
        assertThat(node.currentPace()).as("they have come (the latest let in seen at the door): it rises again").isEqualTo(held + 5);
    }

    @Test
    void theAverageOverThePulseCountsNotTheInstant() {
        room.entered();
        room.entered();
        room.entered();
        at(SECOND / 10);
        room.left();
        room.left();
        room.left();
        at(SECOND);
        room.pulse();
        assertThat(queue.servedUpTo)
                .as("full a tenth of the second, free the rest: 0.3 in flight on average, the node had room")
                .isEqualTo(12);

        room.entered();
        at(SECOND + SECOND / 10);
        room.entered();
        room.entered();
        at(2 * SECOND);
        room.pulse();
        assertThat(queue.servedUpTo)
                .as("at its ceiling nine tenths of the second: 2.8 of 3 on average, full, nobody let in")
                .isEqualTo(12);
    }

    @Test
    void thePaceRisesUpToItsMaximumFallsToOneAFamilyASecondAndStartsAgainWhenNobodyWaits() {
        QueueInMemory crowd = new QueueInMemory(100_000);
        WaitingRoom node = new WaitingRoom(crowd,
                new WaitingRoomSettings(true, 10, 20, 100, Duration.ofMillis(250), Duration.ofHours(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(10), List.of()),
                new LoginLoad(), Clock.systemUTC(), () -> now[0]);
        long t = 0;
        for (int i = 1; i <= 80; i++) {
            t = i * SECOND / 4;
            at(t);
            // the families let in come at once
            node.arrived(crowd.servedUpTo);
            node.pulse();
        }
        assertThat(node.currentPace()).as("twenty free seconds: from 20 a second, 5 more each second, up to its maximum").isEqualTo(100.0);
        long before = crowd.servedUpTo;
        for (int i = 1; i <= 4; i++) {
            at(t + i * SECOND / 4);
            node.pulse();
        }
        assertThat(crowd.servedUpTo - before).as("a second at its maximum: 100 families").isEqualTo(100);
        t += SECOND;

        at(t + 100 * SECOND);
        node.pulse();
        assertThat(crowd.servedUpTo - before).as("a long pause gives no burst: one second's worth at most").isEqualTo(200);
        t += 100 * SECOND;

        for (int i = 0; i < 10; i++) {
            node.entered();
        }
        for (int i = 1; i <= 40; i++) {
            at(t + i * SECOND / 4);
            node.pulse();
        }
        assertThat(crowd.servedUpTo - before).as("full for ten seconds: nobody let in").isEqualTo(200);
        assertThat(node.currentPace()).as("the pace down to one family a second, never less").isEqualTo(1.0);
        t += 10 * SECOND;

        for (int i = 0; i < 10; i++) {
            node.left();
        }
        crowd.servedUpTo = crowd.lastTicket;
        at(t + SECOND / 4);
        node.pulse();
        assertThat(node.currentPace()).as("nobody waits any more: the next crowd starts at 20 a second").isEqualTo(20.0);
    }

    @Test
    void onceTheRoomHasStoodClosedTheTicketsOfTheEarlierRushLetNobodyInAndTheNextRushQueuesEveryoneAgain() {
        // the logins' rush: 50 families waited, all let in
        queue.servedUpTo = 50;
        at(SECOND / 4);
        room.pulse();
        assertThat(room.admitted(50)).isTrue();

        // the room closed, then open again 8 s later (a family waits): the passes hold
        for (int i = 2; i <= 32; i++) {
            at(i * SECOND / 4);
            room.pulse();
        }
        assertThat(room.issue("203.0.113.8")).hasValue(51);
        at(33 * SECOND / 4);
        room.pulse();
        assertThat(room.lapsed(50)).as("closed 8 s only: the same rush").isFalse();
        assertThat(room.admitted(40)).isTrue();

        // the queue drained; then closed for 10 s, while another node gives ticket 52 near the end
        queue.servedUpTo = 51;
        long t = 34 * SECOND / 4;
        for (int i = 0; i <= 40; i++) {
            if (i == 38) {
                queue.lastTicket = 52;
                queue.servedUpTo = 52;
            }
            at(t + i * SECOND / 4);
            room.pulse();
        }
        assertThat(room.lapsed(51)).as("closed 10 s: the tickets of the earlier rush lapse").isTrue();
        assertThat(room.admitted(51)).isFalse();
        assertThat(room.admitted(50)).isFalse();
        assertThat(room.lapsed(52)).as("given since the room closed, on another node: still good").isFalse();
        assertThat(room.admitted(52)).isTrue();
    }

    @Test
    void aWaitingPageAsksOftenNearTheFrontAndSeldomFarBack() {
        assertThat(new WaitingRoom.Place(51, 1, 1).nextAsk()).isEqualTo(2);
        assertThat(new WaitingRoom.Place(90, 40, 40).nextAsk()).isEqualTo(10);
        assertThat(new WaitingRoom.Place(2050, 2000, 100).nextAsk()).isEqualTo(15);
        assertThat(new WaitingRoom.Place(51, 1, -1).nextAsk()).as("no pace measured yet").isEqualTo(3);
    }
}
