package fr.portailfamille.family;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Test data builder: a family file of its own (one guardian, one child) with an active portal
 * account, so a test can change it freely without touching the demo family DUPONT.
 */
@Component("familyFixtures")
class FamilyFixtures {

    static final String PASSWORD = "Essai-Famille-2026";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    record TestFamily(long fileId, String number, String name, long accountId, String username, String email,
            long guardianId, long childId) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    FamilyFixtures(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    TestFamily create(String namePrefix) {
        long n = SEQUENCE.incrementAndGet();
        String name = (namePrefix + n).toUpperCase();
        String number = "T" + n;
        String username = namePrefix.toLowerCase() + n;
        String email = username + "@example.org";
        long accountId = jdbc.sql("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', ?, 'Alex', now()) returning id""")
                .params(username, email, encoder.encode(PASSWORD), name).query(Long.class).single();
        long fileId = jdbc.sql("""
                insert into family_file (number, name, address_line, postal_code, city, account_id)
                values (?, ?, '1 place de la Mairie', '59210', 'Belcourt', ?) returning id""")
                .params(number, name, accountId).query(Long.class).single();
        long guardianId = jdbc.sql("""
                insert into guardian (family_file_id, position, civility, last_name, first_name, relationship, email, mobile_phone)
                values (?, 1, 'Mme', ?, 'Alex', 'Mère', ?, '0601020304') returning id""")
                .params(fileId, name, email).query(Long.class).single();
        long childId = jdbc.sql("""
                insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, 'Camille', ?) returning id""")
                .params(fileId, name, LocalDate.of(2017, 5, 4)).query(Long.class).single();
        return new TestFamily(fileId, number, name, accountId, username, email, guardianId, childId);
    }
}
