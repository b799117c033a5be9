package fr.portailfamille.messaging;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Families of the messaging tests, each with its own file, guardian e-mail and active portal account. */
final class MessagingFamilies {

    static final String PASSWORD = "Messagerie-Test-2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    record TestFamily(long fileId, String number, String name, String username, String email) {}

    private MessagingFamilies() {}

    static TestFamily create(JdbcTemplate jdbc, PasswordEncoder encoder) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
        String number = "9" + suffix;
        String name = "MESSAGERIE" + suffix.toUpperCase();
        String username = "messagerie" + suffix;
        String email = username + "@example.org";
        Long accountId = jdbc.queryForObject("insert into portal_account (username, email, password_hash, status, civility, last_name, "
                        + "first_name, activated_at) values (?, ?, ?, 'ACTIVE', 'Mme', ?, 'Camille', now()) returning id",
                Long.class, username, email, encoder.encode(PASSWORD), name);
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city, account_id) values (?, ?, 'Belcourt', ?) returning id",
                Long.class, number, name, accountId);
        jdbc.update("insert into guardian (family_file_id, position, civility, last_name, first_name, email) values (?, 1, 'Mme', ?, 'Camille', ?)",
                fileId, name, email);
        return new TestFamily(fileId, number, name, username, email);
    }
}
