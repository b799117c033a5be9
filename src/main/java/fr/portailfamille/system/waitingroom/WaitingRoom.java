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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's side of the queue. It counts the family requests it is working on (the signal: past
 * {@code maxInFlight} of them, or with the password checks full, newcomers queue), keeps a copy of
 * the shared queue read by one background thread (so a request never asks PostgreSQL whether the room
 * is open), and on each pulse lets the next families in, strictly by ticket number, at its pace. With
 * several nodes each adds its own share to the one « served up to » row.
 *
 * <p>The pace follows what the node serves. It starts at {@code admitPerSecond} when families begin
 * to wait; on each pulse the node looks at how many family requests it had in flight on average since
 * the last one: below {@link #ROOMY} of {@code maxInFlight} it has room, and once the families it let in
 * have come ({@link #CLAIM_SECONDS}) the pace rises by a quarter of the starting pace each second, up to
 * {@code maxAdmitPerSecond}; above {@link #FULL} it is full, and the pace falls by a
 * fifth and nobody is let in on that pulse (nor while the password checks are full); in between it holds. An average
 * over the pulse, not a count at one instant: at one instant a busy node almost never has a free
 * place, although it answers hundreds of requests a second. The families let in arrive over the next
 * seconds (their page asks every 2 s near the front), so the pace rises gently and falls fast.
 *
 * <p>A ticket lets its family in for one rush only: once the room has stood closed {@code freshQueueAfter}
 * on this node, the tickets given until then {@linkplain #lapsed lapse}, so the families let in at the logins
 * queue again by their arrival when the bookings open, instead of all coming in at once past the room.
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

    /** Below this share of {@code maxInFlight} in flight on average, the node has room: the pace rises. */
    static final double ROOMY = 0.6;
    /** Above this share the node is full: the pace falls. */
    static final double FULL = 0.9;
    /** While the node has room, the pace grows each second by this share of the starting pace (20, 25, 30…). */
    private static final double RISE_PER_SECOND = 0.25;
    /**
     * The pace rises only once the families let in have come: at most this many seconds' worth of them let
     * in beyond the latest seen at the door. Their page asks every 2 s near the front, and the load a family
     * brings builds over its first requests: a node that rose while they were on their way would let in
     * several times what it serves before the first of them arrived.
     */
    private static final double CLAIM_SECONDS = 3;
    /** On each full pulse the pace keeps this share. */
    private static final double FALL = 0.8;
    /** The slowest pace, families per second: the queue always moves. */
    private static final double SLOWEST = 1;

    private final WaitingRoomStore store;
    private final WaitingRoomSettings settings;
    private final LoginLoad loginLoad;
    private final Clock clock;
    private final LongSupplier ticker;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The latest ticket seen let in at this node's door (a request of its family). */
    private final AtomicLong latestArrived = new AtomicLong();
    /** Guards the in-flight time sum below. */
    private final Object load = new Object();
    /** Requests in flight × nanoseconds since {@link #sumSince}: the average's numerator. */
    private double inFlightTime;
    private long sumSince;
    private long lastChange;
    /** Families per second this node lets in now (while some wait). */
    private volatile double pace;
    private final Deque<long[]> served = new ArrayDeque<>();
    private volatile WaitingRoomStore.Queue queue = new WaitingRoomStore.Queue(0, 0);
    private double credit;
    private long lastPulse = -1;
    private long lastPurge;
    /** Tickets below this let nobody in anymore: given before the room last stood closed {@code freshQueueAfter}. */
    private volatile long passesFrom;
    /** When the room was first seen closed in a row of pulses (-1: open at the last one), and the last ticket then. */
    private long closedSince = -1;
    private long lastTicketWhenClosed;
    private ScheduledExecutorService pulses;

    /** Every how many seconds the waiting page reloads itself without JavaScript (and its {@code Retry-After}). */
    long pageRefreshSeconds() {
        return Math.max(1, settings.pageRefresh().toSeconds());
    }

    WaitingRoom(WaitingRoomStore store, WaitingRoomSettings settings, LoginLoad loginLoad, Clock clock) {
        this(store, settings, loginLoad, clock, System::nanoTime);
    }

    /** With the nanosecond {@code ticker} the pulses and the in-flight average read ({@link System#nanoTime()}). */
    WaitingRoom(WaitingRoomStore store, WaitingRoomSettings settings, LoginLoad loginLoad, Clock clock, LongSupplier ticker) {
        this.store = store;
        this.settings = settings;
        this.loginLoad = loginLoad;
        this.clock = clock;
        this.ticker = ticker;
        this.pace = startingPace();
        this.sumSince = ticker.getAsLong();
        this.lastChange = sumSince;
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
        return ticket >= passesFrom && ticket <= queue.servedUpTo();
    }

    /**
     * A ticket of an earlier rush: given before the room last stood closed {@code freshQueueAfter} on this node.
     * Its family is a newcomer again (at the back of the queue if the room is open, straight in if not).
     */
    boolean lapsed(long ticket) {
        return ticket < passesFrom;
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
        double measured = measuredPace();
        long seconds = measured > 0 ? (long) Math.ceil(position / measured) : -1;
        return new Place(ticket, position, seconds);
    }

    /** A family let in has come: a request with its ticket. */
    void arrived(long ticket) {
        latestArrived.accumulateAndGet(ticket, Math::max);
    }

    /** A family request this node starts working on; {@link #left()} when it is answered. */
    void entered() {
        change(1);
    }

    void left() {
        change(-1);
    }

    private void change(int delta) {
        synchronized (load) {
            // the clock read under the lock: the slices are added in the order of the instants
            long now = ticker.getAsLong();
            inFlightTime += (double) inFlight.get() * (now - lastChange);
            lastChange = now;
            inFlight.addAndGet(delta);
        }
    }

    /** Family requests in flight on average since the last call (at this instant if no time passed). */
    private double meanInFlight(long now) {
        synchronized (load) {
            inFlightTime += (double) inFlight.get() * Math.max(0, now - lastChange);
            lastChange = Math.max(lastChange, now);
            long span = now - sumSince;
            double mean = span > 0 ? inFlightTime / span : inFlight.get();
            inFlightTime = 0;
            sumSince = now;
            return mean;
        }
    }

    /** Families per second this node lets in now while some wait. */
    double currentPace() {
        return pace;
    }

    private double startingPace() {
        return Math.min(settings.admitPerSecond(), Math.max(0, settings.maxAdmitPerSecond()));
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
        pulse(ticker.getAsLong());
    }

    /** {@link #pulse()} at this instant (the ticker's scale). */
    synchronized void pulse(long now) {
        double elapsed = (lastPulse < 0 ? settings.pulse().toNanos() : now - lastPulse) / 1e9;
        lastPulse = now;
        double busy = meanInFlight(now);
        WaitingRoomStore.Queue read = store.queue();
        long waiting = read.waiting();
        if (waiting > 0 && startingPace() > 0) {
            boolean full = follow(busy, elapsed, loginLoad.saturated(), read.servedUpTo());
            credit = full ? 0 : Math.min(pace, credit + pace * elapsed);
            int count = (int) Math.min((long) Math.floor(credit), waiting);
            if (count > 0) {
                long servedUpTo = store.admit(count);
                credit -= count;
                read = new WaitingRoomStore.Queue(read.lastTicket(), servedUpTo);
            }
        } else if (waiting == 0) {
            credit = 0;
            pace = startingPace();
        }
        noteClosed(now, waiting == 0 && busy < settings.maxInFlight() && !loginLoad.saturated(), read.lastTicket());
        // the pace first: a family seen let in by this copy already has its estimate's measure
        remember(now, read.servedUpTo());
        queue = read;
        if (now - lastPurge > Duration.ofMinutes(1).toNanos()) {
            lastPurge = now;
            store.purge(clock.instant().minus(settings.ticketLifetime()));
        }
    }

    /**
     * The room closed on this pulse (nobody waiting, the node under capacity on average): once it has stood
     * closed {@code freshQueueAfter}, the tickets given before it closed lapse. A ticket given since (by another
     * node) stays good.
     */
    private void noteClosed(long now, boolean closed, long lastTicket) {
        if (!closed) {
            closedSince = -1;
        } else if (closedSince < 0) {
            closedSince = now;
            lastTicketWhenClosed = lastTicket;
        } else if (now - closedSince >= settings.freshQueueAfter().toNanos() && lastTicketWhenClosed >= passesFrom
                && lastTicketWhenClosed > 0) {
            passesFrom = lastTicketWhenClosed + 1;
            log.info("waiting room closed for {}: tickets up to n° {} let nobody in anymore, the next rush queues everyone again",
                    settings.freshQueueAfter(), lastTicketWhenClosed);
        }
    }

    /**
     * The pace after a pulse with {@code busy} requests in flight on average over {@code elapsed} seconds;
     * true when the node is full (nobody let in on this pulse).
     */
    private boolean follow(double busy, double elapsed, boolean loginsFull, long servedUpTo) {
        double max = Math.max(SLOWEST, settings.maxAdmitPerSecond());
        if (loginsFull || busy >= FULL * settings.maxInFlight()) {
            pace = Math.max(Math.min(SLOWEST, max), pace * FALL);
            return true;
        }
        boolean come = servedUpTo - latestArrived.get() <= pace * CLAIM_SECONDS;
        if (busy < ROOMY * settings.maxInFlight() && come) {
            pace = Math.min(max, pace + Math.max(SLOWEST, startingPace()) * RISE_PER_SECOND * elapsed);
        }
        return false;
    }

    private void remember(long now, long servedUpTo) {
        synchronized (served) {
            served.addLast(new long[] {now, servedUpTo});
            while (served.size() > 2 && now - served.peekFirst()[0] > PACE_WINDOW.toNanos()) {
                served.removeFirst();
            }
        }
    }

    /** Families let in per second over the last half minute, on every node; else this node's pace. */
    private double measuredPace() {
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
        return pace;
    }
}
