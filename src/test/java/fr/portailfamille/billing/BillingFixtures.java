package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Billing test data written with SQL (families, children, activities with a tariff grid, bookings), never the demo's. */
final class BillingFixtures {

    static final LocalDate GRID_FROM = LocalDate.of(2020, 1, 1);

    private final JdbcTemplate jdbc;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private int sequence;

    BillingFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long family(String name) {
        long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                "F7" + tag + (++sequence), name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, 'Parent', ?)",
                id, name, emailOf(id));
        return id;
    }

    String numberOf(long familyFileId) {
        return jdbc.queryForObject("select number from family_file where id = ?", String.class, familyFileId);
    }

    String emailOf(long familyFileId) {
        return "billing-" + tag + "-" + familyFileId + "@example.org";
    }

    /** A portal account linked to the family; returns its user name. */
    String account(long familyFileId, String passwordHash) {
        String username = "f7" + tag + "u" + familyFileId;
        long id = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', 'FACTURATION', 'Parent', now()) returning id
                """, Long.class, username, username + "@example.org", passwordHash);
        jdbc.update("update family_file set account_id = ? where id = ?", id, familyFileId);
        return username;
    }

    long child(long familyFileId, String firstName, LocalDate birthDate) {
        return jdbc.queryForObject("""
                insert into child (family_file_id, last_name, first_name, birth_date)
                select id, name, ?, ? from family_file where id = ? returning id
                """, Long.class, firstName, birthDate, familyFileId);
    }

    void quotient(long familyFileId, int value, LocalDate from, LocalDate to) {
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, ?, ?, ?, 'CAF')",
                familyFileId, value, from, to);
    }

    /** A leisure-centre-like activity billed by the day, without any tariff yet. */
    long activity(String name) {
        return jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, booking_unit, weekdays, capacity_per_day)
                values (?, ?, 'Accueil de loisirs', 'enfance', 'DAY', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 50) returning id
                """, Long.class, "F7_" + tag + "_" + (++sequence), name);
    }

    /** Two brackets (0–800, 801 and more) × ranks 1 and 2, from {@code from}. */
    void grid(long activityId, LocalDate from, String low1, String low2, String high1, String high2) {
        tariff(activityId, from, 0, 800, 1, low1);
        tariff(activityId, from, 0, 800, 2, low2);
        tariff(activityId, from, 801, null, 1, high1);
        tariff(activityId, from, 801, null, 2, high2);
    }

    void tariff(long activityId, LocalDate from, int qfMin, Integer qfMax, int rank, String price) {
        jdbc.update("""
                insert into activity_tariff (activity_id, valid_from, qf_min, qf_max, sibling_rank, unit_price, created_by)
                values (?, ?, ?, ?, ?, ?, 'test')
                """, activityId, from, qfMin, qfMax, rank, new BigDecimal(price));
    }

    void closure(long activityId, LocalDate day) {
        jdbc.update("insert into activity_closure (activity_id, day, reason) values (?, ?, 'Formation des animateurs')", activityId, day);
    }

    void book(long familyFileId, long childId, long activityId, LocalDate day, String state) {
        jdbc.update("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, ?, now(), 'DEMO', 'test', now())
                """, familyFileId, childId, activityId, day, state);
    }

    /** A day sheet of the activity, open or closed. */
    long sheet(long activityId, LocalDate day, String state) {
        return jdbc.queryForObject("insert into attendance_sheet (activity_id, day, state, opened_at) values (?, ?, ?, now()) returning id",
                Long.class, activityId, day, state);
    }

    void entry(long sheetId, long familyFileId, long childId, String status) {
        jdbc.update("""
                insert into attendance_entry (sheet_id, child_id, family_file_id, status, recorded_by, recorded_at)
                values (?, ?, ?, ?, 'enfance', now())
                """, sheetId, childId, familyFileId, status);
    }

    /** A declared absence the service accepted. */
    void acceptedAbsence(long familyFileId, long childId, long activityId, LocalDate day) {
        jdbc.update("""
                insert into absence (family_file_id, child_id, activity_id, day, reason, state, declared_by, declared_at, decided_by, decided_at)
                values (?, ?, ?, ?, 'MALADIE', 'ACCEPTEE', 'famille', now(), 'enfance', now())
                """, familyFileId, childId, activityId, day);
    }
}
