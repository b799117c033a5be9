package fr.portailfamille.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password checks admitted a few at a time: a login that cannot be checked in time is told to retry, not kept waiting. */
class LoginAdmissionTest {

    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void checksThePasswordLikeTheEncoderItWraps() {
        LoginAdmission admission = new LoginAdmission(bcrypt, 1, 4, Duration.ofSeconds(5));
        String hash = admission.encode("Mot-de-passe-2026");

        assertThat(hash).startsWith("{bcrypt}");
        assertThat(admission.matches("Mot-de-passe-2026", hash)).isTrue();
        assertThat(admission.matches("autre", hash)).isFalse();
    }

    @Test
    void aLoginThatCannotStartInTimeIsToldToRetryAndTheNextOneIsAdmitted() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new BlockingEncoder(checking, release);
        LoginAdmission admission = new LoginAdmission(slow, 1, 4, Duration.ofMillis(200));
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> busy = first.submit(() -> admission.matches("secret", "secret"));
            assertThat(checking.await(5, TimeUnit.SECONDS)).isTrue();

            // the only check allowed is in progress: the second login is answered at once, not kept waiting
            assertThatThrownBy(() -> admission.matches("secret", "secret")).isInstanceOf(LoginAdmission.Busy.class);

            release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isTrue();
            // the place is given back: the next login is checked
            assertThat(admission.matches("secret", "secret")).isTrue();
            assertThat(admission.matches("faux", "secret")).isFalse();
        } finally {
            release.countDown();
            first.shutdownNow();
        }
    }

    @Test
    void whenEnoughLoginsWaitAlreadyTheNextOneIsToldToRetryWithoutWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch checking = new CountDownLatch(1);
        PasswordEncoder blocking = new BlockingEncoder(checking, release);
        // one check at a time, one login may wait (for up to 10 minutes)
        LoginAdmission admission = new LoginAdmission(blocking, 1, 1, Duration.ofMinutes(10));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Boolean> checked = threads.submit(() -> admission.matches("a", "a"));
            assertThat(checking.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> waiting = threads.submit(() -> admission.matches("b", "b"));
            Thread.sleep(200); // lets the second login take the only waiting place

            // answered while the first check still runs: it did not queue behind it
            Future<Boolean> third = threads.submit(() -> admission.matches("c", "c"));
            assertThatThrownBy(() -> third.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(LoginAdmission.Busy.class);
            assertThat(checked.isDone()).as("the first check is still running").isFalse();

            release.countDown();
            assertThat(checked.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the waiting login got its turn").isTrue();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void oneCheckPerProcessorByDefault() {
        assertThat(LoginAdmission.defaultConcurrentChecks(1)).isEqualTo(1);
        assertThat(LoginAdmission.defaultConcurrentChecks(2)).isEqualTo(2);
        assertThat(LoginAdmission.defaultConcurrentChecks(8)).isEqualTo(8);
    }

    /** A password check that says it started, then waits to be released: a bcrypt check that takes its time. */
    private record BlockingEncoder(CountDownLatch checking, CountDownLatch release) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checking.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return raw.toString().equals(encoded);
        }
    }
}
