package fr.portailfamille.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * « Rester connecté »: a browser whose family ticked the box at « Connexion » is logged in again from
 * its cookie for {@link #VALIDITY} after its last visit, without a password check (no bcrypt at the
 * opening of bookings). The cookie holds a series (which browser) and a random token that changes at
 * every automatic login; PostgreSQL keeps the series and only the SHA-256 of the token
 * ({@code remember_me_login}), so the table alone opens no account (the password hash itself is
 * unchanged: bcrypt as before). A token of the series that is not its current one means the cookie was
 * copied: every remembered browser of the account is forgotten. « Se déconnecter » forgets this browser;
 * a new password forgets them all ({@link #forgetAll}).
 */
public class PersistentLogins extends AbstractRememberMeServices {

    /** How long a remembered browser stays logged in after its last visit. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    public static final String COOKIE = "PORTAIL_RESTER_CONNECTE";
    public static final String PARAMETER = "resterConnecte";

    /** How long the token just replaced still opens the session, for requests the browser sent at once with it. */
    static final Duration PARALLEL_REQUESTS = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(PersistentLogins.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    PersistentLogins(String key, UserDetailsService accounts, JdbcClient jdbc, Clock clock) {
        super(key, accounts);
        this.jdbc = jdbc;
        this.clock = clock;
        setCookieName(COOKIE);
        setParameter(PARAMETER);
        setTokenValiditySeconds((int) VALIDITY.toSeconds());
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    /** Forgets every remembered browser of the account (a new password, a reset). */
    public void forgetAll(String username) {
        int forgotten = jdbc.sql("delete from remember_me_login where lower(username) = lower(?)").param(username).update();
        if (forgotten > 0) {
            log.info("Rester connecté : {} appareil(s) oublié(s) pour le compte {}", forgotten, username);
        }
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        Instant now = clock.instant();
        String series = UUID.randomUUID().toString();
        String token = newToken();
        jdbc.sql("delete from remember_me_login where last_used < ?").param(java.sql.Timestamp.from(now.minus(VALIDITY))).update();
        jdbc.sql("""
                insert into remember_me_login (series, username, token_hash, last_used, created_at)
                values (?, ?, ?, ?, ?)""").params(series, authentication.getName(), sha256(token), java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now)).update();
        setCookie(new String[] {series, token}, getTokenValiditySeconds(), request, response);
    }

    private record Stored(String username, String tokenHash, String previousTokenHash, Instant lastUsed) {}

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request, HttpServletResponse response) {
        if (cookie.length != 2) {
            throw new InvalidCookieException("cookie « rester connecté » mal formé");
        }
        String series = cookie[0];
        String presented = sha256(cookie[1]);
        List<Stored> rows = jdbc.sql("""
                select username, token_hash, previous_token_hash, last_used from remember_me_login where series = ?""").param(series)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        if (rows.isEmpty()) {
            throw new RememberMeAuthenticationException("appareil inconnu ou oublié");
        }
        Stored stored = rows.get(0);
        Instant now = clock.instant();
        if (stored.lastUsed().plus(VALIDITY).isBefore(now)) {
            jdbc.sql("delete from remember_me_login where series = ?").param(series).update();
            throw new RememberMeAuthenticationException("« rester connecté » expiré");
        }
        if (!same(presented, stored.tokenHash())) {
            if (stored.previousTokenHash() != null && same(presented, stored.previousTokenHash())
                    && !stored.lastUsed().plus(PARALLEL_REQUESTS).isBefore(now)) {
                // a request the browser sent together with the one that just received the new token
                return getUserDetailsService().loadUserByUsername(stored.username());
            }
            forgetAll(stored.username());
            log.warn("Rester connecté : un ancien jeton de l'appareil {} du compte {} a été présenté ; tous ses appareils sont oubliés",
                    series, stored.username());
            // not Spring's CookieTheftException, which would escape the filter chain as a 500: the request goes on
            // as anonymous (the login page), the cookie removed
            throw new RememberMeAuthenticationException("jeton « rester connecté » déjà utilisé : cookie copié ?");
        }
        String token = newToken();
        int updated = jdbc.sql("""
                update remember_me_login set token_hash = ?, previous_token_hash = token_hash, last_used = ?
                where series = ? and token_hash = ?""").params(sha256(token), java.sql.Timestamp.from(now), series, presented).update();
        if (updated == 1) {
            setCookie(new String[] {series, token}, getTokenValiditySeconds(), request, response);
        }
        // 0: a parallel request of the same browser rotated it first, and its answer carries the new cookie
        return getUserDetailsService().loadUserByUsername(stored.username());
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String cookie = extractRememberMeCookie(request);
        if (cookie != null && !cookie.isEmpty()) {
            try {
                String[] parts = decodeCookie(cookie);
                jdbc.sql("delete from remember_me_login where series = ?").param(parts[0]).update();
            } catch (InvalidCookieException e) {
                // nothing to forget: the cookie is removed below all the same
            }
        }
        super.logout(request, response, authentication);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
