package fr.portailfamille.attendance;

import java.time.LocalDate;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the attendance tests, inserted with SQL so the shared demo data stays untouched. */
final class AttendanceFixtures {

    private final JdbcTemplate jdbc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    private int counter;

    AttendanceFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A family file with one guardian (mobile phone) and its e-mail. */
    long family(String name) {
        String number = "A27" + run + (++counter);
        long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                number.substring(0, Math.min(20, number.length())), name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, relationship, email, mobile_phone) values (?, ?, ?, 'mère', ?, ?)",
                id, name, "Claire", "presences-" + run + "-" + id + "@example.org", "0611223344");
        return id;
    }

    String emailOf(long familyFileId) {
        return "presences-" + run + "-" + familyFileId + "@example.org";
    }

    /** An active portal account linked to the family file; returns its username. */
    String account(long familyFileId, String passwordHash) {
        String username = "a27" + run + "f" + familyFileId;
        long id = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', 'PRESENCES', 'Parent', now()) returning id
                """, Long.class, username, username + "@example.org", passwordHash);
        jdbc.update("update family_file set account_id = ? where id = ?", id, familyFileId);
        return username;
    }

    long child(long familyFileId, String lastName, String firstName, LocalDate birthDate, String schoolClass) {
        return jdbc.queryForObject("""
                insert into child (family_file_id, last_name, first_name, birth_date, school_class)
                values (?, ?, ?, ?, ?) returning id""", Long.class, familyFileId, lastName, firstName, birthDate, schoolClass);
    }

    void allergy(long childId, String allergies, String diet) {
        jdbc.update("insert into health_sheet (child_id, allergies, pai, diet) values (?, ?, false, ?)", childId, allergies, diet);
    }

    void pickup(long childId, String lastName, String firstName, String relationship, String phone) {
        jdbc.update("insert into pickup_person (child_id, last_name, first_name, relationship, phone) values (?, ?, ?, ?, ?)",
                childId, lastName, firstName, relationship, phone);
    }

    /** An activity of the service, open every weekday of the school years 2025 to 2027. */
    long activity(String name, String serviceGroup, String bookingUnit, int capacity) {
        long id = jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, booking_unit, weekdays, capacity_per_day,
                                      runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time)
                values (?, ?, 'Accueil de loisirs', ?, ?, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', ?,
                        true, true, true, 2, '12:00') returning id
                """, Long.class, "A27_" + run + "_" + (++counter), name + " " + run, serviceGroup, bookingUnit, capacity);
        jdbc.update("insert into activity_period (activity_id, label, start_date, end_date) values (?, '2025-2027', ?, ?)",
                id, LocalDate.of(2025, 9, 1), LocalDate.of(2027, 8, 31));
        return id;
    }

    /** A booked day, as the planning would have written it (its capacity counter included). */
    long book(long familyFileId, long childId, long activityId, LocalDate day) {
        return booking(familyFileId, childId, activityId, day, "BOOKED");
    }

    long booking(long familyFileId, long childId, long activityId, LocalDate day, String state) {
        jdbc.update("""
                insert into day_capacity (activity_id, day, capacity, booked)
                select id, ?, capacity_per_day, 0 from activity where id = ? on conflict do nothing""", day, activityId);
        if ("BOOKED".equals(state)) {
            jdbc.update("update day_capacity set booked = booked + 1 where activity_id = ? and day = ?", activityId, day);
        }
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.queryForObject("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, ?, ?, 'PLANNING', 'test', ?) returning id""", Long.class,
                familyFileId, childId, activityId, day, state, now, now);
    }
}
