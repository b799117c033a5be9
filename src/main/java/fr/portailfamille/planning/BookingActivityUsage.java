package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivityUsage;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The live bookings (booked or waiting) of an activity between two days. */
@Component
class BookingActivityUsage implements ActivityUsage {

    private final JdbcClient jdbc;

    BookingActivityUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> usesBetween(long activityId, LocalDate from, LocalDate to) {
        int live = jdbc.sql("""
                select count(*) from booking where activity_id = ? and day between ? and ? and state in ('BOOKED', 'WAITING')""")
                .params(activityId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(Integer.class).single();
        return live == 0 ? Optional.empty() : Optional.of(live + (live > 1 ? " réservations" : " réservation"));
    }
}
