package fr.portailfamille.agent;

import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A family for the staff pages: two children, a guardian with an e-mail, a health sheet each; the
 * elder registered at the leisure centre (enfance), the younger booked at the canteen (restauration).
 */
final class AgentFamilies {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    record Family(long fileId, String number, String name, String email, long elderId, String elder, long youngerId,
            String younger) {}

    private AgentFamilies() {}

    static Family create(JdbcTemplate jdbc) {
        long tag = SEQUENCE.incrementAndGet();
        String number = String.valueOf(700000 + tag % 200000);
        String name = "LÉGER-" + tag;
        String email = "famille.leger." + tag + "@example.org";
        long file = jdbc.queryForObject("insert into family_file (number, name, address_line, postal_code, city) values (?, ?, '3 rue Haute', '59210', 'Belcourt') returning id",
                Long.class, number, name);
        jdbc.update("insert into guardian (family_file_id, civility, last_name, first_name, email, mobile_phone) values (?, 'Mme', ?, 'Hélène', ?, '0612345678')",
                file, name, email);
        String elderFirst = "Zoé" + tag;
        String youngerFirst = "Théo" + tag;
        long elder = jdbc.queryForObject("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, ?, ?) returning id",
                Long.class, file, name, elderFirst, Date.valueOf(LocalDate.of(2016, 4, 2)));
        long younger = jdbc.queryForObject("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, ?, ?) returning id",
                Long.class, file, name, youngerFirst, Date.valueOf(LocalDate.of(2019, 9, 12)));
        jdbc.update("insert into health_sheet (child_id, allergies, pai, pai_details) values (?, 'Arachide " + tag + "', true, 'Trousse au bureau')", elder);
        jdbc.update("insert into health_sheet (child_id, allergies, diet) values (?, 'Kiwi " + tag + "', 'Sans porc')", younger);
        jdbc.update("insert into pickup_person (child_id, last_name, first_name, relationship, phone) values (?, 'MARTIN', 'Josette', 'grand-mère', '0600000000')", elder);
        long loisirs = jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
        long cantine = jdbc.queryForObject("select id from activity where code = 'RESTAURATION'", Long.class);
        jdbc.update("""
                insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                values (?, ?, ?, 'WEDNESDAY', 'Année scolaire', ?, ?, 'VALIDATED')""", file, elder, loisirs,
                Date.valueOf(LocalDate.now().minusMonths(2)), Date.valueOf(LocalDate.now().plusMonths(6)));
        jdbc.update("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, 'BOOKED', now(), 'PLANNING', 'test', now())""", file, younger, cantine, Date.valueOf(LocalDate.now()));
        return new Family(file, number, name, email, elder, elderFirst + " " + name, younger, youngerFirst + " " + name);
    }
}
