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
 * How one node lets families in on each pulse: only with free capacity, at most its pace, strictly
 * by ticket number, never past the last ticket given. The shared queue is played by a copy in memory.
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
    private final WaitingRoom room = new WaitingRoom(queue,
            new WaitingRoomSettings(true, 3, 10, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 0, List.of()),
            new LoginLoad(), Clock.systemUTC());

    @Test
    void familiesGetInByNumberAsCapacityFrees() {
        room.pulse(0);
        assertThat(queue.servedUpTo).as("three requests free on this node: three families in").isEqualTo(3);
        assertThat(room.admitted(3)).isTrue();
        assertThat(room.admitted(4)).isFalse();
        assertThat(room.place(10).position()).isEqualTo(7);

        room.entered();
        room.entered();
        room.entered();
        assertThat(room.overloaded()).isTrue();
        room.pulse(SECOND);
        assertThat(queue.servedUpTo).as("no free capacity: nobody more").isEqualTo(3);

        room.left();
        room.pulse(2 * SECOND);
        assertThat(queue.servedUpTo).as("one request answered: the next family, ticket 4").isEqualTo(4);
        room.left();
        room.left();
        assertThat(room.open()).as("families still wait: newcomers queue behind them").isTrue();
    }

    @Test
    void aWaitingPageAsksOftenNearTheFrontAndSeldomFarBack() {
        assertThat(new WaitingRoom.Place(51, 1, 1).nextAsk()).isEqualTo(2);
        assertThat(new WaitingRoom.Place(90, 40, 40).nextAsk()).isEqualTo(10);
        assertThat(new WaitingRoom.Place(2050, 2000, 100).nextAsk()).isEqualTo(15);
        assertThat(new WaitingRoom.Place(51, 1, -1).nextAsk()).as("no pace measured yet").isEqualTo(3);
    }

    @Test
    void aNodeLetsInAtMostItsPaceAndNeverPastTheLastTicket() {
        WaitingRoom roomy = new WaitingRoom(queue,
                new WaitingRoomSettings(true, 1000, 10, Duration.ofMillis(500), Duration.ofHours(2), Duration.ofSeconds(5), 0, List.of()),
                new LoginLoad(), Clock.systemUTC());
        roomy.pulse(0);
        assertThat(queue.servedUpTo).as("half a second at 10 a second").isEqualTo(5);
        roomy.pulse(SECOND / 2);
        assertThat(queue.servedUpTo).isEqualTo(10);
        roomy.pulse(100 * SECOND);
        assertThat(queue.servedUpTo).as("a long pause gives no burst: one second's worth at most").isEqualTo(20);
        for (int i = 3; i < 20; i++) {
            roomy.pulse(100 * SECOND + i * SECOND);
        }
        assertThat(queue.servedUpTo).as("never past the last ticket given").isEqualTo(50);
        assertThat(roomy.open()).isFalse();
        assertThat(roomy.issue("203.0.113.7")).hasValue(51);
        assertThat(roomy.open()).as("a ticket just given on this node: the next newcomer queues behind it").isTrue();
    }
}
