package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.Mailbox;
import fr.portailfamille.support.PortalIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The opening rush on one day: 50 families ask at the same instant for a day with 10 places,
 * each request on its own thread and its own database connection, through the booking service
 * on PostgreSQL. Exactly 10 get a place, the 40 others are on the waiting list in the order the
 * server took them, nobody gets an error; a cancellation gives the place to the first waiting child
 * only, and mails that family.
 */
class ConcurrentBookingTest extends PortalIntegrationTest {

    @Autowired
    BookingLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiftyFamiliesAtOnceForTenPlacesGiveTenBookedFortyWaitingAndACancellationPromotesTheFirst() throws Exception {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc);
        long activity = fixtures.activity("Stage cirque", 10);
        LocalDate day = LocalDate.of(2027, 3, 10);
        List<long[]> families = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long family = fixtures.family("RUSH" + i);
            families.add(new long[] {family, fixtures.child(family, "Enfant" + i)});
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<BookingLedger.BookResult>> answers = new ArrayList<>();
        try {
            for (long[] f : families) {
                Callable<BookingLedger.BookResult> request = () -> {
                    start.await();
                    return ledger.book(f[0], f[1], activity, day, 10, BookingSource.PLANNING, "famille-" + f[0]);
                };
                answers.add(pool.submit(request));
            }
            start.countDown();
            List<BookingLedger.BookResult> results = new ArrayList<>();
            for (Future<BookingLedger.BookResult> answer : answers) {
                results.add(answer.get()); // an error in any request fails here
            }
            assertThat(results).filteredOn(r -> r.state() == BookingState.BOOKED).hasSize(10);
            assertThat(results).filteredOn(r -> r.state() == BookingState.WAITING).hasSize(40);
            assertThat(results).filteredOn(r -> r.state() == BookingState.WAITING).extracting(BookingLedger.BookResult::position)
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.queryForObject("select booked from day_capacity where activity_id = ? and day = ?", Integer.class, activity, day))
                .isEqualTo(10);
        // arrival order: every booked request reached the day's lock before every waiting one,
        // and the waiting list's ranks follow the server's times
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, child_id, state, requested_at from booking where activity_id = ? and day = ? order by requested_at, id",
                activity, day);
        assertThat(rows).hasSize(50);
        assertThat(rows.subList(0, 10)).allMatch(r -> "BOOKED".equals(r.get("state")));
        assertThat(rows.subList(10, 50)).allMatch(r -> "WAITING".equals(r.get("state")));
        for (int i = 10; i < 50; i++) {
            assertThat(ledger.position(((Number) rows.get(i).get("id")).longValue())).isEqualTo(i - 9);
        }

        long firstWaitingChild = ((Number) rows.get(10).get("child_id")).longValue();
        long secondWaitingChild = ((Number) rows.get(11).get("child_id")).longValue();
        long bookedChild = ((Number) rows.get(3).get("child_id")).longValue();
        BookingLedger.CancelResult cancelled = ledger.cancel(bookedChild, activity, day, false, "famille").orElseThrow();

        assertThat(cancelled.newState()).isEqualTo(BookingState.CANCELLED);
        assertThat(cancelled.promoted()).map(BookingLedger.Promotion::childId).contains(firstWaitingChild);
        assertThat(stateOf(firstWaitingChild, activity, day)).isEqualTo("BOOKED");
        assertThat(stateOf(secondWaitingChild, activity, day)).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select count(*) from booking where activity_id = ? and day = ? and state = 'BOOKED'",
                Integer.class, activity, day)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select booked from day_capacity where activity_id = ? and day = ?", Integer.class, activity, day))
                .isEqualTo(10);

        long promotedFamily = families.stream().filter(f -> f[1] == firstWaitingChild).findFirst().orElseThrow()[0];
        Mailbox.Mail mail = mailbox().await(fixtures.emailOf(promotedFamily), "Place obtenue");
        assertThat(mail.text()).contains("liste d'attente").contains("confirmée").contains("10 mars 2027");
        long otherWaitingFamily = families.stream().filter(f -> f[1] == secondWaitingChild).findFirst().orElseThrow()[0];
        assertThat(mailbox().to(fixtures.emailOf(otherWaitingFamily))).isEmpty();

        // the audit keeps who changed what: the family's cancellation and the waiting list's promotion
        assertThat(jdbc.queryForList("""
                select a.state_before, a.state_after, a.actor from booking_audit a join booking b on b.id = a.booking_id
                where b.child_id = ? and b.activity_id = ? order by a.id
                """, firstWaitingChild, activity)).extracting(r -> r.get("state_before") + ">" + r.get("state_after") + ":" + r.get("actor"))
                .containsExactly("null>WAITING:famille-" + promotedFamily, "WAITING>BOOKED:" + BookingLedger.WAITING_LIST_ACTOR);
    }

    private String stateOf(long child, long activity, LocalDate day) {
        return jdbc.queryForObject("select state from booking where child_id = ? and activity_id = ? and day = ? and state <> 'CANCELLED'",
                String.class, child, activity, day);
    }
}
