package fr.portailfamille.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The atomic heart of the planning: books and cancels ONE day of one child, each in its own short
 * transaction. Every change of a day first locks that day's {@code day_capacity} row (created on
 * first use by {@code INSERT … ON CONFLICT}), so the check of the capacity and the booking happen
 * together, on any number of app nodes; the database's own {@code check (booked <= capacity)} and
 * the unique index of live bookings stand behind it. The waiting list is ordered by the server
 * time at which a request got the lock, then by id: first come, first served.
 *
 * <p>No rule is checked here (registration, calendar, cut-off): {@link PlanningService} does that.
 */
@Component
class BookingLedger {

    /** The system's name in the audit trail when it promotes a waiting child. */
    static final String WAITING_LIST_ACTOR = "liste d'attente";

    /** What booking one day gave. {@code position} is the waiting-list rank (1 = next), 0 when booked. */
    record BookResult(long bookingId, BookingState state, int position, boolean alreadyThere) {}

    /** A waiting child who just got the freed place. */
    record Promotion(long bookingId, long familyFileId, long childId, long activityId, LocalDate day) {}

    /** What cancelling one day gave: the new state of the cancelled booking, and who was promoted. */
    record CancelResult(BookingState newState, Optional<Promotion> promoted) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PromotionMail promotionMail;
    private final TransactionTemplate transaction;

    BookingLedger(JdbcTemplate jdbc, Clock clock, PromotionMail promotionMail, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.promotionMail = promotionMail;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Books the day, or puts the child on its waiting list when it is full; a child already booked
     * or waiting keeps what they have. {@code capacity} is used when the day is first asked for.
     * The waiting-list rank is counted once the day's lock is released (it reads the list, which
     * grows into the thousands on an opening morning): the lock is held for the few statements that
     * decide, nothing else. Later arrivals rank after, so the rank read is the one the booking got.
     */
    public BookResult book(long familyFileId, long childId, long activityId, LocalDate day, int capacity,
            BookingSource source, String actor) {
        BookResult result = transaction.execute(status -> bookLocked(familyFileId, childId, activityId, day, capacity, source, actor));
        return result.state() == BookingState.WAITING
                ? new BookResult(result.bookingId(), result.state(), position(result.bookingId()), result.alreadyThere())
                : result;
    }

    private BookResult bookLocked(long familyFileId, long childId, long activityId, LocalDate day, int capacity,
            BookingSource source, String actor) {
        Map<String, Object> counter = lockDay(activityId, day, capacity);
        int booked = ((Number) counter.get("booked")).intValue();
        int dayCapacity = ((Number) counter.get("capacity")).intValue();

        List<Map<String, Object>> live = jdbc.queryForList("""
                select id, state from booking
                where child_id = ? and activity_id = ? and day = ? and state in ('BOOKED', 'WAITING')
                """, childId, activityId, day);
        if (!live.isEmpty()) {
            long id = ((Number) live.get(0).get("id")).longValue();
            return new BookResult(id, BookingState.valueOf((String) live.get(0).get("state")), 0, true);
        }

        BookingState state = booked < dayCapacity ? BookingState.BOOKED : BookingState.WAITING;
        if (state == BookingState.BOOKED) {
            jdbc.update("update day_capacity set booked = booked + 1 where activity_id = ? and day = ?", activityId, day);
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, familyFileId, childId, activityId, day, state.name(), now, source.name(), actor, now);
        audit(id, childId, activityId, day, null, state, actor, source.name().toLowerCase());
        return new BookResult(id, state, 0, false);
    }

    /**
     * Cancels the child's live booking of the day ({@code late}: after the cut-off, still billed).
     * A freed place goes at once, in the same transaction, to the first child of the waiting list,
     * whose family is mailed after the commit. Empty when the child had no live booking that day.
     */
    @Transactional
    public Optional<CancelResult> cancel(long childId, long activityId, LocalDate day, boolean late, String actor) {
        List<Map<String, Object>> counter = jdbc.queryForList(
                "select booked from day_capacity where activity_id = ? and day = ? for update", activityId, day);
        if (counter.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> live = jdbc.queryForList("""
                select id, state from booking
                where child_id = ? and activity_id = ? and day = ? and state in ('BOOKED', 'WAITING') for update
                """, childId, activityId, day);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) live.get(0).get("id")).longValue();
        BookingState before = BookingState.valueOf((String) live.get(0).get("state"));
        BookingState after = before == BookingState.BOOKED && late ? BookingState.CANCELLED_LATE : BookingState.CANCELLED;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update booking set state = ?, updated_at = ? where id = ?", after.name(), now, id);
        audit(id, childId, activityId, day, before, after, actor, late ? "annulation hors délai" : "annulation");
        if (before != BookingState.BOOKED) {
            return Optional.of(new CancelResult(after, Optional.empty()));
        }
        Optional<Promotion> promoted = promoteFirstWaiting(activityId, day, now);
        if (promoted.isEmpty()) {
            jdbc.update("update day_capacity set booked = booked - 1 where activity_id = ? and day = ?", activityId, day);
        }
        return Optional.of(new CancelResult(after, promoted));
    }

    /** What a service's « proposer la place » gave. */
    enum OfferOutcome { BOOKED, NOT_WAITING, FULL }

    /**
     * A service gives a free place of the day to this waiting child, whatever its rank (« proposer
     * la place »): the booking becomes booked and the family gets the same mail as an automatic
     * promotion. The day's capacity follows the activity's current one when the service raised it
     * in the catalogue; a day still full is refused.
     */
    @Transactional
    public OfferOutcome offerPlace(long bookingId, int activityCapacity, String actor) {
        List<Promotion> waiting = jdbc.query("""
                select id, family_file_id, child_id, activity_id, day from booking where id = ? and state = 'WAITING'
                """, (rs, n) -> new Promotion(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"),
                rs.getLong("activity_id"), rs.getObject("day", LocalDate.class)), bookingId);
        if (waiting.isEmpty()) {
            return OfferOutcome.NOT_WAITING;
        }
        Promotion promotion = waiting.get(0);
        Map<String, Object> counter = lockDay(promotion.activityId(), promotion.day(), activityCapacity);
        int booked = ((Number) counter.get("booked")).intValue();
        int capacity = ((Number) counter.get("capacity")).intValue();
        if (capacity < activityCapacity) {
            jdbc.update("update day_capacity set capacity = ? where activity_id = ? and day = ?", activityCapacity,
                    promotion.activityId(), promotion.day());
            capacity = activityCapacity;
        }
        if (booked >= capacity) {
            return OfferOutcome.FULL;
        }
        // the booking may have changed while the day's lock was awaited
        if (jdbc.update("update booking set state = 'BOOKED', updated_at = ? where id = ? and state = 'WAITING'",
                Timestamp.from(clock.instant()), bookingId) == 0) {
            return OfferOutcome.NOT_WAITING;
        }
        jdbc.update("update day_capacity set booked = booked + 1 where activity_id = ? and day = ?", promotion.activityId(), promotion.day());
        audit(bookingId, promotion.childId(), promotion.activityId(), promotion.day(), BookingState.WAITING, BookingState.BOOKED,
                actor, "place proposée par le service");
        promotionMail.sendAfterCommit(promotion);
        return OfferOutcome.BOOKED;
    }

    /** The rank of a waiting booking in its day's waiting list (1 = next to get a place). */
    int position(long bookingId) {
        Integer rank = jdbc.queryForObject("select coalesce(max(position), 0) from waiting_rank where booking_id = ?",
                Integer.class, bookingId);
        return rank == null ? 0 : rank;
    }

    /** Locks the day's counter row, creating it with the activity's capacity on first use. */
    private Map<String, Object> lockDay(long activityId, LocalDate day, int capacity) {
        return jdbc.queryForMap("""
                insert into day_capacity (activity_id, day, capacity, booked) values (?, ?, ?, 0)
                on conflict (activity_id, day) do update set booked = day_capacity.booked
                returning capacity, booked
                """, activityId, day, capacity);
    }

    /** The place just freed goes to the first waiting child; the day's booked count stays the same. */
    private Optional<Promotion> promoteFirstWaiting(long activityId, LocalDate day, Timestamp now) {
        List<Promotion> first = jdbc.query("""
                select id, family_file_id, child_id from booking
                where activity_id = ? and day = ? and state = 'WAITING'
                order by requested_at, id limit 1 for update
                """, (rs, n) -> new Promotion(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"), activityId, day),
                activityId, day);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Promotion promotion = first.get(0);
        jdbc.update("update booking set state = 'BOOKED', updated_at = ? where id = ?", now, promotion.bookingId());
        audit(promotion.bookingId(), promotion.childId(), activityId, day, BookingState.WAITING, BookingState.BOOKED,
                WAITING_LIST_ACTOR, "place libérée");
        promotionMail.sendAfterCommit(promotion);
        return Optional.of(promotion);
    }

    private void audit(long bookingId, long childId, long activityId, LocalDate day, BookingState before, BookingState after,
            String actor, String reason) {
        jdbc.update("""
                insert into booking_audit (booking_id, child_id, activity_id, day, state_before, state_after, actor, at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, bookingId, childId, activityId, day, before == null ? null : before.name(), after.name(), actor,
                Timestamp.from(clock.instant()), reason);
    }
}
