package fr.portailfamille.planning;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the planning tests, inserted with SQL so the shared demo data stays untouched. */
public final class PlanningFixtures {

    private final JdbcTemplate jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int counter;

    public PlanningFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A family file of its own, with one guardian whose e-mail is returned by {@link #emailOf}. */
    public long family(String name) {
        String number = "P6" + run + (++counter);
        long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                number.substring(0, Math.min(20, number.length())), name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, ?, ?)",
                id, name, "Parent", emailOf(id));
        return id;
    }

    /** An active portal account linked to the family file; returns its username. */
    public String account(long familyFileId, String passwordHash) {
        String username = "p6" + run + "f" + familyFileId;
        long id = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', 'PLANNING', 'Parent', now()) returning id
                """, Long.class, username, username + "@example.org", passwordHash);
        jdbc.update("update family_file set account_id = ? where id = ?", id, familyFileId);
        return username;
    }

    String emailOf(long familyFileId) {
        return "planning-" + run + "-" + familyFileId + "@example.org";
    }

    public long child(long familyFileId, String firstName) {
        return jdbc.queryForObject("""
                insert into child (family_file_id, last_name, first_name, birth_date)
                select id, name, ?, ? from family_file where id = ? returning id
                """, Long.class, firstName, LocalDate.of(2018, 5, 4), familyFileId);
    }

    /**
     * An activity of its own, open every weekday (school days, Wednesdays and holidays) of the school
     * year 2026-2027, with this capacity per day; cut-off 2 working days before, at noon.
     */
    public long activity(String name, int capacity) {
        long id = jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, booking_unit, weekdays, capacity_per_day,
                                      runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time)
                values (?, ?, 'Accueil de loisirs', 'enfance', 'DAY', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', ?,
                        true, true, true, 2, '12:00') returning id
                """, Long.class, "P6_" + run + "_" + (++counter), name + " " + run, capacity);
        jdbc.update("insert into activity_period (activity_id, label, start_date, end_date) values (?, '2026-2027', ?, ?)",
                id, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        return id;
    }

    void closure(long activityId, LocalDate day, String reason) {
        jdbc.update("insert into activity_closure (activity_id, day, reason) values (?, ?, ?)", activityId, day, reason);
    }
}
