package fr.portailfamille.account;

import fr.portailfamille.system.limits.SharedLimits;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the mails a visitor can ask for (sign-up, password reset, new activation link): per client
 * address and per e-mail address, counted by every node together ({@link SharedLimits}). Counted
 * whether or not the address exists.
 */
@Component
class LinkRequestThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final SharedLimits.Limit perEmail;
    private final SharedLimits.Limit perClient;

    LinkRequestThrottle(SharedLimits limits, @Value("${portal.account.link-requests.per-email:3}") int perEmail,
            @Value("${portal.account.link-requests.per-client:10}") int perClient) {
        this.perEmail = limits.limit("link-email", perEmail, WINDOW);
        this.perClient = limits.limit("link-client", perClient, WINDOW);
    }

    /** Takes one request from both buckets; false when either is empty (the request is refused). */
    boolean tryRequest(String clientAddress, String email) {
        String mail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (perClient.tryTake(clientAddress) < 0) {
            return false;
        }
        if (perEmail.tryTake(mail) < 0) {
            perClient.giveBack(clientAddress);
            return false;
        }
        return true;
    }
}
