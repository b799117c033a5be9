package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivityUsage;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live bookings (booked or waiting) of an activity between two days. */
@Component
class BookingActivityUsage implements ActivityUsage {

    private final JdbcTemplate jdbc;

    BookingActivityUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> usesBetween(long activityId, LocalDate from, LocalDate to) {
        Integer live = jdbc.queryForObject("""
                select count(*) from booking where activity_id = ? and day between ? and ? and state in ('BOOKED', 'WAITING')""",
                Integer.class, activityId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
        return live == 0 ? Optional.empty() : Optional.of(live + (live > 1 ? " réservations" : " réservation"));
    }
}
