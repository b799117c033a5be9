package fr.portailfamille.system.waitingroom;

import fr.portailfamille.system.security.LoginLoad;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's side of the queue. It counts the family requests it is working on (the signal: past
 * {@code maxInFlight} of them, or with the password checks full, newcomers queue), keeps a copy of
 * the shared queue read by one background thread (so a request never asks PostgreSQL whether the room
 * is open), and on each pulse lets the next families in, strictly by ticket number, as many as its
 * free capacity and {@code admitPerSecond} allow. With several nodes each adds its own share to the
 * one « served up to » row.
 */
class WaitingRoom {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);

    /** Where a waiting family stands: its ticket, how many are before it (itself included), the time left. */
    record Place(long ticket, long position, long seconds) {

        /**
         * When its page should ask again, in seconds: every 2 s near the front, up to every 15 s far
         * back (a quarter of the time left). Thousands of families asking every few seconds would
         * cost the portal more than the pages they wait for; the number still moves on the page
         * several times before the family's turn.
         */
        long nextAsk() {
            return seconds < 0 ? 3 : Math.max(2, Math.min(15, seconds / 4));
        }

        /** The estimate in words: « 40 s », « 3 min »; empty while nobody has got in yet to measure it. */
        String estimate() {
            if (seconds < 0) {
                return "";
            }
            if (seconds < 120) {
                return Math.max(5, (seconds + 4) / 5 * 5) + " s";
            }
            return ((seconds + 59) / 60) + " min";
        }
    }

    /** How far back the pace at which families get in is measured. */
    private static final Duration PACE_WINDOW = Duration.ofSeconds(30);

    private final WaitingRoomStore store;
    private final WaitingRoomSettings settings;
    private final LoginLoad loginLoad;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Deque<long[]> served = new ArrayDeque<>();
    private volatile WaitingRoomStore.Queue queue = new WaitingRoomStore.Queue(0, 0);
    private double credit;
    private long lastPulse = -1;
    private long lastPurge;
    private ScheduledExecutorService pulses;

    WaitingRoom(WaitingRoomStore store, WaitingRoomSettings settings, LoginLoad loginLoad, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.loginLoad = loginLoad;
        this.clock = clock;
    }

    void start() {
        queue = store.queue();
        pulses = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "salle-d-attente");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pulse().toMillis();
        pulses.scheduleWithFixedDelay(this::pulseQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (pulses != null) {
            pulses.shutdownNow();
        }
    }

    /** Past capacity on this node: newcomers queue. */
    boolean overloaded() {
        return inFlight.get() >= settings.maxInFlight() || loginLoad.saturated();
    }

    /** Newcomers queue while this node is past capacity or while anyone waits (nobody overtakes them). */
    boolean open() {
        return overloaded() || queue.waiting() > 0;
    }

    boolean admitted(long ticket) {
        return ticket <= queue.servedUpTo();
    }

    /** A new ticket, at the back of the queue, for a newcomer from this address; none past its allowance. */
    OptionalLong issue(String address) {
        OptionalLong ticket = store.nextTicket(address, settings.ticketsPerAddress());
        WaitingRoomStore.Queue seen = queue;
        if (ticket.isPresent() && ticket.getAsLong() > seen.lastTicket()) {
            queue = new WaitingRoomStore.Queue(ticket.getAsLong(), seen.servedUpTo());
        }
        return ticket;
    }

    Place place(long ticket) {
        long position = Math.max(1, ticket - queue.servedUpTo());
        double pace = pace();
        long seconds = pace > 0 ? (long) Math.ceil(position / pace) : -1;
        return new Place(ticket, position, seconds);
    }

    /** A family request this node starts working on; {@link #left()} when it is answered. */
    void entered() {
        inFlight.incrementAndGet();
    }

    void left() {
        inFlight.decrementAndGet();
    }

    private void pulseQuietly() {
        try {
            pulse();
        } catch (RuntimeException e) {
            // the database away for a moment: the copy stays as it was, families keep their places
            log.warn("waiting room: the shared queue could not be read ({})", e.toString());
        }
    }

    /** Reads the shared queue and lets the next families in if this node has room for them. */
    void pulse() {
        pulse(System.nanoTime());
    }

    /** {@link #pulse()} at this instant ({@link System#nanoTime()}'s scale). */
    synchronized void pulse(long now) {
        double elapsed = (lastPulse < 0 ? settings.pulse().toNanos() : now - lastPulse) / 1e9;
        lastPulse = now;
        WaitingRoomStore.Queue read = store.queue();
        long waiting = read.waiting();
        if (waiting > 0 && settings.admitPerSecond() > 0) {
            credit = Math.min(settings.admitPerSecond(), credit + settings.admitPerSecond() * elapsed);
            int free = loginLoad.saturated() ? 0 : settings.maxInFlight() - inFlight.get();
            int count = (int) Math.min(Math.min((long) Math.floor(credit), free), waiting);
            if (count > 0) {
                long servedUpTo = store.admit(count);
                credit -= count;
                read = new WaitingRoomStore.Queue(read.lastTicket(), servedUpTo);
            }
        } else if (waiting == 0) {
            credit = 0;
        }
        // the pace first: a family seen let in by this copy already has its estimate's measure
        remember(now, read.servedUpTo());
        queue = read;
        if (now - lastPurge > Duration.ofMinutes(1).toNanos()) {
            lastPurge = now;
            store.purge(clock.instant().minus(settings.ticketLifetime()));
        }
    }

    private void remember(long now, long servedUpTo) {
        synchronized (served) {
            served.addLast(new long[] {now, servedUpTo});
            while (served.size() > 2 && now - served.peekFirst()[0] > PACE_WINDOW.toNanos()) {
                served.removeFirst();
            }
        }
    }

    /** Families let in per second over the last half minute, on every node; else what this node lets in. */
    private double pace() {
        synchronized (served) {
            if (served.size() >= 2) {
                long[] first = served.peekFirst();
                long[] last = served.peekLast();
                double seconds = (last[0] - first[0]) / 1e9;
                if (seconds > 0 && last[1] > first[1]) {
                    return (last[1] - first[1]) / seconds;
                }
            }
        }
        return settings.admitPerSecond();
    }
}
