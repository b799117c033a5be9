package fr.portailfamille.planning;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the planning tests, inserted with SQL so the shared demo data stays untouched. */
final class PlanningFixtures {

    private final JdbcTemplate jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int counter;

    PlanningFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A family file of its own, with one guardian whose e-mail is returned by {@link #emailOf}. */
    long family(String name) {
        String number = "P6" + run + (++counter);
        long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                number.substring(0, Math.min(20, number.length())), name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, ?, ?)",
                id, name, "Parent", emailOf(id));
        return id;
    }

    String emailOf(long familyFileId) {
        return "planning-" + run + "-" + familyFileId + "@example.org";
    }

    long child(long familyFileId, String firstName) {
        return jdbc.queryForObject("""
                insert into child (family_file_id, last_name, first_name, birth_date)
                select id, name, ?, ? from family_file where id = ? returning id
                """, Long.class, firstName, LocalDate.of(2018, 5, 4), familyFileId);
    }

    /** An activity of its own, every weekday, with this capacity per day. */
    long activity(String name, int capacity) {
        return jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, booking_unit, weekdays, capacity_per_day)
                values (?, ?, 'Accueil de loisirs', 'enfance', 'DAY', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', ?) returning id
                """, Long.class, "P6_" + run + "_" + (++counter), name + " " + run, capacity);
    }
}
