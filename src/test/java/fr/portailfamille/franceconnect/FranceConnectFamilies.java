package fr.portailfamille.franceconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test data of the FranceConnect tests, inserted with SQL so the shared demo data stays untouched: a family
 * file of the test's own with an active account, and the claims the local provider gives for a person.
 */
final class FranceConnectFamilies {

    static final String PASSWORD = "FranceConnect-Test-2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    record Family(long accountId, String username, String email, String name) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    FranceConnectFamilies(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A suffix no other test family has (names, user names, file numbers). */
    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
    }

    Family family() {
        String suffix = unique();
        String name = "CONNECT" + suffix.toUpperCase();
        String username = "fc" + suffix;
        String email = username + "@example.org";
        Long accountId = jdbc.queryForObject("insert into portal_account (username, email, password_hash, status, civility, last_name, "
                + "first_name, activated_at) values (?, ?, ?, 'ACTIVE', 'Mme', ?, 'Camille', now()) returning id",
                Long.class, username, email, encoder.encode(PASSWORD), name);
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city, account_id) values (?, ?, 'Belcourt', ?) returning id",
                Long.class, "8" + suffix, name, accountId);
        jdbc.update("insert into guardian (family_file_id, position, civility, last_name, first_name, email) values (?, 1, 'Mme', ?, 'Camille', ?)",
                fileId, name, email);
        return new Family(accountId, username, email, name);
    }

    /** FranceConnect's claims for this person (born in Lille, 12/04/1985), at this level of assurance. */
    static Map<String, Object> claims(String given, String family, String email, String acr) {
        Map<String, Object> claims = new LinkedHashMap<>(FranceConnectSimulator.demoClaims(acr));
        claims.put("given_name", given);
        claims.put("family_name", family);
        claims.put("email", email);
        return claims;
    }

    /** The same token signed with a key the provider never published (under the same key id), serialized. */
    static String signedWithAnotherKey(SignedJWT genuine) throws JOSEException, ParseException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID())
                .type(JOSEObjectType.JWT).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(stranger));
        return forged.serialize();
    }
}
