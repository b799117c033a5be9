package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A flood on the public IPN endpoint from one address is cut with 429 before any signature or database work. */
class NotificationRateLimitTest extends PortalIntegrationTest {

    @Autowired NotificationRateLimit.NotificationLimiter limiter;

    @AfterEach
    void forgetTheFlood() {
        // every test calls from 127.0.0.1: the real gateway's notifications of the other tests must pass
        limiter.reset();
    }

    @Test
    void aFloodOfNotificationsFromOneAddressIsAnswered429() {
        limiter.reset();
        WebSession robot = session();
        Map<String, String> forged = Map.of("vads_order_id", "inconnu", "signature", "fausse");
        for (int i = 0; i < limiter.perMinute(); i++) {
            Page answer = robot.postForm(PaymentConfiguration.NOTIFICATION_PATH, forged);
            assertThat(answer.status()).as("notification %d is examined (and refused for its signature)", i).isNotEqualTo(429);
        }
        Page cut = robot.postForm(PaymentConfiguration.NOTIFICATION_PATH, forged);
        assertThat(cut.status()).isEqualTo(429);
        assertThat(cut.header("Retry-After")).isEqualTo("60");
        assertThat(cut.body()).isEqualTo("Trop de notifications");
    }
}
