package fr.portailfamille.apiparticulier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test data of the API Particulier tests, inserted with SQL so the shared demo data stays untouched: a
 * family file of the test's own with an active account, whose name is also the allocataire's birth name
 * the fake API is asked for (and chooses its answer by), and the consent form's fields for it.
 */
final class QuotientFamilies {

    static final String PASSWORD = "Quotient-Caf-Test-2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    record Family(long fileId, long accountId, String username, String name) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    QuotientFamilies(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A family of its own name (« QF… », found at the CAF by the fake API). */
    Family family() {
        return family(null);
    }

    /** A family named {@code name} when given (one of the fake API's chosen answers: {@code INCONNU}, {@code AGRICOLE}…). */
    Family family(String name) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
        String fileName = name != null ? name : "QF" + suffix.toUpperCase();
        String username = "qf" + suffix;
        Long accountId = jdbc.queryForObject("insert into portal_account (username, email, password_hash, status, civility, last_name, "
                + "first_name, activated_at) values (?, ?, ?, 'ACTIVE', 'Mme', ?, 'Camille', now()) returning id",
                Long.class, username, username + "@example.org", encoder.encode(PASSWORD), fileName);
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city, account_id) values (?, ?, 'Belcourt', ?) returning id",
                Long.class, "7" + suffix, fileName, accountId);
        jdbc.update("insert into guardian (family_file_id, position, civility, last_name, first_name, email) values (?, 1, 'Mme', ?, 'Camille', ?)",
                fileId, fileName, username + "@example.org");
        return new Family(fileId, accountId, username, fileName);
    }

    /** The account linked to FranceConnect with the certified identity of « Camille Anne {name} » (born in Lille). */
    void linkFranceConnect(Family family) {
        jdbc.update("""
                insert into franceconnect_link (account_id, issuer, subject, given_name, family_name, birthdate, gender, birthplace,
                    birthcountry, email, linked_at) values (?, 'http://fc', ?, 'Camille Anne', ?, '1984-07-09', 'female', '59350', '99100',
                    'x@example.org', now())""", family.accountId(), "fc-" + family.username(), family.name());
    }

    /** The consent form, accepted, with the allocataire's identity under that birth name. */
    static Map<String, String> identity(String birthName) {
        Map<String, String> fields = new HashMap<>();
        fields.put("accept", "true");
        fields.put("birthName", birthName);
        fields.put("firstNames", "CAMILLE ANNE");
        fields.put("sex", "F");
        fields.put("birthDate", "1984-07-09");
        fields.put("birthCommune", "59350");
        fields.put("birthCountry", "99100");
        return fields;
    }

    /** The fake API's requests asking for that birth name. */
    static RequestPatternBuilder callsFor(String birthName) {
        return getRequestedFor(urlPathEqualTo(QuotientApi.PATH)).withQueryParam("nomNaissance", equalTo(birthName));
    }
}
