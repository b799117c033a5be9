package fr.portailfamille.registration;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Families of the registration tests, made with plain inserts so each test owns its data (never DUPONT's). */
final class RegistrationFamilies {

    record TestFamily(long fileId, String name, String email, String username, String password, long olderChildId, long youngChildId) {}

    private RegistrationFamilies() {}

    /** A family with an active portal account, a child born in 2018 and one born in 2024 (too young for everything). */
    static TestFamily create(JdbcTemplate jdbc, PasswordEncoder encoder) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String name = "TEST" + tag.toUpperCase();
        String email = "famille." + tag + "@example.org";
        Long fileId = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class, "T" + tag, name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, 'Alex', ?)", fileId, name, email);
        Long older = jdbc.queryForObject("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, 'Sam', ?) returning id",
                Long.class, fileId, name, Date.valueOf(LocalDate.of(2018, 3, 1)));
        Long young = jdbc.queryForObject("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, 'Bébé', ?) returning id",
                Long.class, fileId, name, Date.valueOf(LocalDate.now().minusYears(1)));
        String username = "test" + tag;
        String password = "Mot-de-passe-" + tag;
        Long accountId = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', ?, 'Alex', now()) returning id""", Long.class, username, email, encoder.encode(password), name);
        jdbc.update("update family_file set account_id = ? where id = ?", accountId, fileId);
        return new TestFamily(fileId, name, email, username, password, older, young);
    }
}
