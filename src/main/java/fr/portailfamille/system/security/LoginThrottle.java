package fr.portailfamille.system.security;

import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.limits.SharedLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing, for the families' and the staff's logins alike, with counts every
 * node shares ({@link SharedLimits}, in PostgreSQL):
 * <ul>
 *   <li>per client address: past {@code maxFailuresPerAddress} failed attempts in the window, that
 *       address may not try any account until the window ends;</li>
 *   <li>per account: past {@code maxFailuresPerAccount} failed attempts from addresses the account
 *       never signed in from, the account is « paused » for those addresses until the window ends —
 *       but an address it signed in from recently (its home, its office) keeps trying, so an attacker
 *       elsewhere cannot lock the real user out.</li>
 * </ul>
 * An attempt takes its account's token <em>before</em> the password is checked, atomically: a burst
 * of parallel guesses at one account gets exactly the allowance; a successful login gives it back.
 * An address is charged after a failure only (many families may sign in at once from one school or
 * one operator's address: only failures count against it), so a burst from one address may exceed
 * its allowance by the logins in flight. Nothing is ever locked for good. When an account is paused or an address blocked, a {@link LoginBlocked}
 * event tells whoever must know (the staff module mails the administrators).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** How long an address stays « known » for an account after a successful login from it. */
    static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(90);

    /** Whose logins: the two realms count separately (a family and an agent may share a name). */
    public enum Realm { FAMILY, STAFF }

    /** What was blocked, for the administrators: an account (paused) or a client address. */
    public record LoginBlocked(Realm realm, String username, String address, boolean account) {}

    private final SharedLimits.Limit perAccount;
    private final SharedLimits.Limit perAddress;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LoginThrottle(PortalProperties properties, SharedLimits limits, JdbcClient jdbc, ApplicationEventPublisher events) {
        PortalProperties.LoginThrottle settings = properties.loginThrottle();
        this.perAccount = limits.limit("login-account", settings.maxFailuresPerAccount(), settings.window());
        this.perAddress = limits.limit("login-address", settings.maxFailuresPerAddress(), settings.window());
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * A login attempt is starting: takes its tokens. {@link Attempt#admitted()} false means refuse it
     * at once, without checking the password.
     */
    public Attempt begin(Realm realm, String username, String address) {
        if (perAddress.isEmpty(address)) {
            return new Attempt(realm, username, address, false, false, false);
        }
        Instant lastSuccess = lastSuccess(realm, username, address);
        if (lastSuccess != null) {
            Attempt attempt = new Attempt(realm, username, address, true, false, false);
            // every login of a REST client would write otherwise: the date is refreshed once a day
            attempt.remembered = lastSuccess.isAfter(Instant.now().minus(Duration.ofDays(1)));
            return attempt;
        }
        long accountLeft = perAccount.tryTake(accountKey(realm, username));
        if (accountLeft < 0) {
            return new Attempt(realm, username, address, false, false, false);
        }
        return new Attempt(realm, username, address, true, true, accountLeft == 0);
    }

    /** Whether the account is paused for addresses it never signed in from (for tests and pages). */
    public boolean isPaused(Realm realm, String username) {
        return perAccount.isEmpty(accountKey(realm, username));
    }

    private void blocked(LoginBlocked blocked) {
        if (blocked.realm() == Realm.STAFF) {
            log.warn("Connexions du personnel bloquées : {} (compte « {} », adresse {}) après trop d'échecs",
                    blocked.account() ? "compte suspendu" : "adresse bloquée", blocked.username(), blocked.address());
        } else {
            log.info("Connexions des familles bloquées : {} (compte « {} », adresse {})",
                    blocked.account() ? "compte suspendu" : "adresse bloquée", blocked.username(), blocked.address());
        }
        events.publishEvent(blocked);
    }

    /** When the account last signed in from this address, if it counts still (null otherwise). */
    private Instant lastSuccess(Realm realm, String username, String address) {
        return jdbc.sql("""
                select last_success from login_known_address
                where realm = ? and username = ? and address = ? and last_success > ?""")
                .params(realm.name(), normalise(username), address, java.sql.Timestamp.from(Instant.now().minus(KNOWN_ADDRESS_FOR)))
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    private void remember(Realm realm, String username, String address) {
        jdbc.sql("""
                insert into login_known_address (realm, username, address, last_success) values (?, ?, ?, now())
                on conflict (realm, username, address) do update set last_success = excluded.last_success""")
                .params(realm.name(), normalise(username), address).update();
    }

    /** Addresses are personal data: forgotten once they no longer count (every night, on any node). */
    @Scheduled(cron = "0 15 3 * * *", zone = "Europe/Paris")
    void forgetOldAddresses() {
        jdbc.sql("delete from login_known_address where last_success < ?")
                .param(java.sql.Timestamp.from(Instant.now().minus(KNOWN_ADDRESS_FOR))).update();
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String accountKey(Realm realm, String username) {
        return realm.name().toLowerCase(Locale.ROOT) + ":" + normalise(username);
    }

    /** One login attempt, from {@link #begin} to its outcome. */
    public final class Attempt {

        private final Realm realm;
        private final String username;
        private final String address;
        private final boolean admitted;
        private final boolean tookAccount;
        private final boolean tookLastOfAccount;
        private boolean remembered;

        private Attempt(Realm realm, String username, String address, boolean admitted, boolean tookAccount,
                boolean tookLastOfAccount) {
            this.realm = realm;
            this.username = username;
            this.address = address;
            this.admitted = admitted;
            this.tookAccount = tookAccount;
            this.tookLastOfAccount = tookLastOfAccount;
        }

        /** False: refuse the login at once (« trop de tentatives »), whatever the password. */
        public boolean admitted() {
            return admitted;
        }

        /** The password was right: the account's token is given back and the address is known from now on. */
        public void succeeded() {
            giveBack();
            if (!remembered) {
                remember(realm, username, address);
            }
        }

        /** The password could not be checked (the server was busy), or was right: the attempt does not count. */
        public void notCounted() {
            giveBack();
        }

        /** The password was wrong: the account's token stays taken, and the address is charged. */
        public void failed() {
            if (tookLastOfAccount) {
                // this failure used the account's last attempt: paused from now on, said once
                blocked(new LoginBlocked(realm, normalise(username), address, true));
            }
            if (perAddress.tryTake(address) == 0) {
                blocked(new LoginBlocked(realm, normalise(username), address, false));
            }
        }

        private void giveBack() {
            if (tookAccount) {
                perAccount.giveBack(accountKey(realm, username));
            }
        }
    }
}
