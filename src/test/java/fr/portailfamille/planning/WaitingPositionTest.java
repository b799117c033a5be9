package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A waiting child's place on the list, as the family and the service read it, through every way a list
 * changes: children joining, a waiting child cancelling, a booked child cancelling (the first one promoted),
 * the service giving the place to the third, a request older than the list's last inserted by hand, a
 * family's file erased, a node whose clock is behind. After each step the places are 1, 2, 3… in the order of the requests (request time,
 * then id), which is what the page shows and the order in which places are given.
 */
class WaitingPositionTest extends PortalIntegrationTest {

    @Autowired
    BookingLedger ledger;

    @Autowired
    Bookings bookings;

    @Autowired
    JdbcTemplate jdbc;

    PlanningFixtures fixtures;
    long activity;
    final LocalDate day = LocalDate.of(2027, 4, 14);
    final List<long[]> families = new ArrayList<>();

    @BeforeEach
    void twoBookedAndFiveWaiting() {
        fixtures = new PlanningFixtures(jdbc);
        activity = fixtures.activity("Stage poterie", 2);
        for (int i = 0; i < 7; i++) {
            long family = fixtures.family("ATTENTE" + i);
            long child = fixtures.child(family, "Enfant" + i);
            families.add(new long[] {family, child});
            BookingLedger.BookResult result = ledger.book(family, child, activity, day, 2, BookingSource.PLANNING, "famille-" + family);
            assertThat(result.position()).as("child %d", i).isEqualTo(i < 2 ? 0 : i - 1);
        }
    }

    @Test
    void joiningGivesTheNextPlaceAndAskingAgainGivesTheSameOne() {
        assertThat(waitingChildren()).containsExactly(child(2), child(3), child(4), child(5), child(6));
        assertPlacesFollowTheRequests();
        // a double click: the child keeps its place
        BookingLedger.BookResult again = ledger.book(families.get(4)[0], child(4), activity, day, 2, BookingSource.PLANNING, "famille");
        assertThat(again.alreadyThere()).isTrue();
        assertThat(again.position()).isEqualTo(3);
    }

    @Test
    void aWaitingChildWhoCancelsMovesThoseBehindUp() {
        ledger.cancel(child(3), activity, day, false, "famille").orElseThrow();

        assertThat(waitingChildren()).containsExactly(child(2), child(4), child(5), child(6));
        assertThat(positionOf(child(2))).isEqualTo(1);
        assertThat(positionOf(child(4))).isEqualTo(2);
        assertThat(positionOf(child(6))).isEqualTo(4);
        assertPlacesFollowTheRequests();
    }

    @Test
    void aBookedChildWhoCancelsGivesThePlaceToTheFirstAndTheOthersMoveUp() {
        BookingLedger.CancelResult cancelled = ledger.cancel(child(0), activity, day, false, "famille").orElseThrow();

        assertThat(cancelled.promoted()).map(BookingLedger.Promotion::childId).contains(child(2));
        assertThat(waitingChildren()).containsExactly(child(3), child(4), child(5), child(6));
        assertThat(positionOf(child(3))).isEqualTo(1);
        assertPlacesFollowTheRequests();
    }

    @Test
    void theServiceGivingThePlaceToTheThirdMovesOnlyThoseBehindIt() {
        long third = bookingOf(child(4));
        jdbc.update("update activity set capacity_per_day = 3 where id = ?", activity);

        assertThat(ledger.offerPlace(third, 3, "agent")).isEqualTo(BookingLedger.OfferOutcome.BOOKED);

        assertThat(waitingChildren()).containsExactly(child(2), child(3), child(5), child(6));
        assertThat(positionOf(child(2))).isEqualTo(1);
        assertThat(positionOf(child(5))).isEqualTo(3);
        assertPlacesFollowTheRequests();
    }

    @Test
    void aRequestOlderThanTheLastTakesItsPlaceInTheOrder() {
        long family = fixtures.family("ATTENTE-ANCIENNE");
        long child = fixtures.child(family, "Ancien");
        // the portal's clock counts milliseconds: two requests booked within the same one share their time, and
        // no time lies between them; the waiting requests spread a millisecond apart, in their order
        jdbc.update("update booking set requested_at = requested_at + waiting_position * interval '1 millisecond' "
                + "where activity_id = ? and day = ? and state = 'WAITING'", activity, day);
        Timestamp between = (Timestamp) jdbc.queryForObject(
                "select requested_at + interval '1 microsecond' from booking where id = ?", Timestamp.class, bookingOf(child(2)));
        jdbc.update("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, 'WAITING', ?, 'DEMO', 'reprise', ?)
                """, family, child, activity, day, between, Timestamp.from(Instant.now()));

        assertThat(positionOf(child)).isEqualTo(2);
        assertThat(positionOf(child(3))).isEqualTo(3);
        assertThat(positionOf(child(6))).isEqualTo(6);
        assertPlacesFollowTheRequests();
    }

    @Test
    void anErasedFamilyLeavesTheListAndThoseBehindMoveUp() {
        jdbc.update("delete from family_file where id = ?", families.get(3)[0]);

        assertThat(waitingChildren()).containsExactly(child(2), child(4), child(5), child(6));
        assertThat(positionOf(child(4))).isEqualTo(2);
        assertPlacesFollowTheRequests();
    }

    @Test
    void aRequestWhoseClockIsBehindStillComesAfterThoseThatGotTheDayBeforeIt() {
        long family = fixtures.family("ATTENTE-HORLOGE");
        long child = fixtures.child(family, "Retard");
        Timestamp last = jdbc.queryForObject("select max(requested_at) from booking where activity_id = ? and day = ?",
                Timestamp.class, activity, day);

        // a node whose clock is an hour behind asks for the day after the others
        Integer position = jdbc.queryForObject("select o_position from book_day(?, ?, ?, ?, 2, 'PLANNING', 'famille', ?)",
                Integer.class, family, child, activity, day, Timestamp.from(last.toInstant().minusSeconds(3600)));

        assertThat(position).isEqualTo(6);
        assertThat(jdbc.queryForObject("select requested_at from booking where id = ?", Timestamp.class, bookingOf(child)))
                .isEqualTo(last);
        assertThat(waitingChildren()).endsWith(child);
        assertPlacesFollowTheRequests();
    }

    /** The day's list as the service sees it: the waiting children in their order, places 1, 2, 3… */
    private List<Long> waitingChildren() {
        List<DayBooking> day = bookings.ofDay(activity, this.day).stream().filter(b -> b.state() == BookingState.WAITING).toList();
        assertThat(day).extracting(DayBooking::position).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, day.size()).boxed().toList());
        return day.stream().map(DayBooking::childId).toList();
    }

    private void assertPlacesFollowTheRequests() {
        List<Integer> kept = jdbc.queryForList(
                "select waiting_position from booking where activity_id = ? and day = ? and state = 'WAITING' order by requested_at, id",
                Integer.class, activity, day);
        assertThat(kept).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, kept.size()).boxed().toList());
    }

    private long child(int i) {
        return families.get(i)[1];
    }

    private long bookingOf(long child) {
        return jdbc.queryForObject("select id from booking where child_id = ? and activity_id = ? and state in ('BOOKED', 'WAITING')",
                Long.class, child, activity);
    }

    private int positionOf(long child) {
        return ledger.position(bookingOf(child));
    }
}
