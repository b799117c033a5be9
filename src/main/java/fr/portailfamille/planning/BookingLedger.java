package fr.portailfamille.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The atomic heart of the planning: books and cancels ONE day of one child, each in its own short
 * transaction. Every change of a day first locks that day's {@code day_capacity} row (created on
 * first use by {@code INSERT … ON CONFLICT}), so the check of the capacity and the booking happen
 * together, on any number of app nodes; the database's own {@code check (booked <= capacity)} and
 * the unique index of live bookings stand behind it. The waiting list is ordered by request time
 * (never earlier than the day's previous request: the order in which requests got the lock), then
 * by id: first come, first served.
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PromotionMail promotionMail;

    BookingLedger(JdbcClient jdbc, Clock clock, PromotionMail promotionMail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.promotionMail = promotionMail;
    }

    /**
     * Books the day, or puts the child on its waiting list when it is full; a child already booked
     * or waiting keeps what they have. {@code capacity} is used when the day is first asked for.
     * One statement, committed on its own: the database's {@code book_day} locks the day's counter,
     * decides, writes the booking and its audit line, and releases the lock with the commit, so the
     * families booking the same day never wait on this request's round trips. A waiting child's rank
     * is the place the booking took on the list ({@code booking.waiting_position}).
     */
    public BookResult book(long familyFileId, long childId, long activityId, LocalDate day, int capacity,
            BookingSource source, String actor) {
        return jdbc.sql("select o_id, o_state, o_position, o_already from book_day(?, ?, ?, ?, ?, ?, ?, ?)")
                .params(familyFileId, childId, activityId, day, capacity, source.name(), actor, Timestamp.from(clock.instant()))
                .query((rs, n) -> new BookResult(rs.getLong("o_id"), BookingState.valueOf(rs.getString("o_state")),
                        rs.getInt("o_position"), rs.getBoolean("o_already")))
                .single();
    }

    /**
     * Cancels the child's live booking of the day ({@code late}: after the cut-off, still billed).
     * A freed place goes at once, in the same transaction, to the first child of the waiting list,
     * whose family is mailed after the commit. Empty when the child had no live booking that day.
     */
    @Transactional
    public Optional<CancelResult> cancel(long childId, long activityId, LocalDate day, boolean late, String actor) {
        List<Integer> counter = jdbc.sql("select booked from day_capacity where activity_id = ? and day = ? for update")
                .params(activityId, day).query(Integer.class).list();
        if (counter.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> live = jdbc.sql("""
                select id, state from booking
                where child_id = ? and activity_id = ? and day = ? and state in ('BOOKED', 'WAITING') for update
                """).params(childId, activityId, day).query().listOfRows();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) live.get(0).get("id")).longValue();
        BookingState before = BookingState.valueOf((String) live.get(0).get("state"));
        BookingState after = before == BookingState.BOOKED && late ? BookingState.CANCELLED_LATE : BookingState.CANCELLED;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update booking set state = ?, updated_at = ? where id = ?").params(after.name(), now, id).update();
        audit(id, childId, activityId, day, before, after, actor, late ? "annulation hors délai" : "annulation");
        if (before != BookingState.BOOKED) {
            return Optional.of(new CancelResult(after, Optional.empty()));
        }
        Optional<Promotion> promoted = promoteFirstWaiting(activityId, day, now);
        if (promoted.isEmpty()) {
            jdbc.sql("update day_capacity set booked = booked - 1 where activity_id = ? and day = ?").params(activityId, day).update();
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
        List<Promotion> waiting = jdbc.sql("""
                select id, family_file_id, child_id, activity_id, day from booking where id = ? and state = 'WAITING'
                """).param(bookingId).query((rs, n) -> new Promotion(rs.getLong("id"), rs.getLong("family_file_id"),
                rs.getLong("child_id"), rs.getLong("activity_id"), rs.getObject("day", LocalDate.class))).list();
        if (waiting.isEmpty()) {
            return OfferOutcome.NOT_WAITING;
        }
        Promotion promotion = waiting.get(0);
        Map<String, Object> counter = lockDay(promotion.activityId(), promotion.day(), activityCapacity);
        int booked = ((Number) counter.get("booked")).intValue();
        int capacity = ((Number) counter.get("capacity")).intValue();
        if (capacity < activityCapacity) {
            jdbc.sql("update day_capacity set capacity = ? where activity_id = ? and day = ?")
                    .params(activityCapacity, promotion.activityId(), promotion.day()).update();
            capacity = activityCapacity;
        }
        if (booked >= capacity) {
            return OfferOutcome.FULL;
        }
        // the booking may have changed while the day's lock was awaited
        if (jdbc.sql("update booking set state = 'BOOKED', updated_at = ? where id = ? and state = 'WAITING'")
                .params(Timestamp.from(clock.instant()), bookingId).update() == 0) {
            return OfferOutcome.NOT_WAITING;
        }
        jdbc.sql("update day_capacity set booked = booked + 1 where activity_id = ? and day = ?")
                .params(promotion.activityId(), promotion.day()).update();
        audit(bookingId, promotion.childId(), promotion.activityId(), promotion.day(), BookingState.WAITING, BookingState.BOOKED,
                actor, "place proposée par le service");
        promotionMail.sendAfterCommit(promotion);
        return OfferOutcome.BOOKED;
    }

    /** The rank of a booking on its day's waiting list (1 = next to get a place), 0 when it is not waiting. */
    int position(long bookingId) {
        return jdbc.sql("select coalesce(max(waiting_position), 0) from booking where id = ? and state = 'WAITING'")
                .param(bookingId).query(Integer.class).single();
    }

    /** Locks the day's counter row, creating it with the activity's capacity on first use. */
    private Map<String, Object> lockDay(long activityId, LocalDate day, int capacity) {
        return jdbc.sql("""
                insert into day_capacity (activity_id, day, capacity, booked) values (?, ?, ?, 0)
                on conflict (activity_id, day) do update set booked = day_capacity.booked
                returning capacity, booked
                """).params(activityId, day, capacity).query().singleRow();
    }

    /** The place just freed goes to the first waiting child; the day's booked count stays the same. */
    private Optional<Promotion> promoteFirstWaiting(long activityId, LocalDate day, Timestamp now) {
        List<Promotion> first = jdbc.sql("""
                select id, family_file_id, child_id from booking
                where activity_id = ? and day = ? and state = 'WAITING'
                order by waiting_position limit 1 for update
                """).params(activityId, day)
                .query((rs, n) -> new Promotion(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"), activityId, day))
                .list();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Promotion promotion = first.get(0);
        jdbc.sql("update booking set state = 'BOOKED', updated_at = ? where id = ?").params(now, promotion.bookingId()).update();
        audit(promotion.bookingId(), promotion.childId(), activityId, day, BookingState.WAITING, BookingState.BOOKED,
                WAITING_LIST_ACTOR, "place libérée");
        promotionMail.sendAfterCommit(promotion);
        return Optional.of(promotion);
    }

    private void audit(long bookingId, long childId, long activityId, LocalDate day, BookingState before, BookingState after,
            String actor, String reason) {
        jdbc.sql("""
                insert into booking_audit (booking_id, child_id, activity_id, day, state_before, state_after, actor, at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(bookingId, childId, activityId, day, before == null ? null : before.name(), after.name(), actor,
                Timestamp.from(clock.instant()), reason).update();
    }
}
