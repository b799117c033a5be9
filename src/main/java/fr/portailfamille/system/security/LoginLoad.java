package fr.portailfamille.system.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether the password checks are past what this node serves: every login waiting place taken, or a
 * login told « réessayez » a moment ago. The waiting room reads it to decide that newcomers queue
 * instead of adding their login to a full admission ({@link LoginAdmission} reports here).
 */
public final class LoginLoad {

    /** How long one login refused for lack of room keeps the admission counted as full. */
    static final Duration REFUSAL_MEMORY = Duration.ofSeconds(2);

    private final AtomicLong lastRefusal = new AtomicLong();
    private volatile boolean everRefused;
    private volatile BooleanSupplier waitingFull = () -> false;

    void watch(BooleanSupplier waitingFull) {
        this.waitingFull = waitingFull;
    }

    void refused() {
        lastRefusal.set(System.nanoTime());
        everRefused = true;
    }

    /** True while no login can be checked without waiting past the admission's limits. */
    public boolean saturated() {
        return waitingFull.getAsBoolean()
                || everRefused && System.nanoTime() - lastRefusal.get() < REFUSAL_MEMORY.toNanos();
    }
}
