package fr.portailfamille.system.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Admits password checks a few at a time. A bcrypt check costs tens of milliseconds of one core by
 * design; on the morning bookings open, thousands of families log in within seconds, and letting
 * every request thread hash at once only makes them all slow and leaves no processor for the
 * families already logged in. Here at most {@code concurrentChecks} passwords (one per processor by
 * default) are checked at the same time and at most {@code maxWaiting} logins wait for their turn (each holding a request
 * thread, which would otherwise be missing to the pages); a login beyond them, or one that cannot
 * start within {@code maxWait}, is answered at once « réessayez dans quelques secondes » ({@link Busy})
 * instead of hanging until the browser gives up. Hashing new passwords (sign-up, reset) is not limited.
 */
final class LoginAdmission implements PasswordEncoder {

    /** The login could not be checked in time: nothing is wrong with the account or the password. */
    static final class Busy extends AuthenticationServiceException {
        Busy() {
            super("too many password checks at the same time");
        }
    }

    private final PasswordEncoder encoder;
    private final Semaphore checks;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final long maxWaitNanos;
    private final LoginLoad load;

    LoginAdmission(PasswordEncoder encoder, int concurrentChecks, int maxWaiting, Duration maxWait) {
        this(encoder, concurrentChecks, maxWaiting, maxWait, new LoginLoad());
    }

    LoginAdmission(PasswordEncoder encoder, int concurrentChecks, int maxWaiting, Duration maxWait, LoginLoad load) {
        this.encoder = encoder;
        this.checks = new Semaphore(concurrentChecks, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
        this.load = load;
        load.watch(() -> waiting.get() >= maxWaiting);
    }

    /**
     * The default: one check per processor. Fewer would leave processors idle while logins are
     * refused; the pages still get their share of the processors from the scheduler, since only
     * these few threads hash and the others wait without spinning.
     */
    static int defaultConcurrentChecks(int processors) {
        return Math.max(1, processors);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (!checks.tryAcquire() && !awaitTurn()) {
            load.refused();
            throw new Busy();
        }
        try {
            return encoder.matches(rawPassword, encodedPassword);
        } finally {
            checks.release();
        }
    }

    /** Waits for a place among the checks, unless too many logins wait already. */
    private boolean awaitTurn() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return checks.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
