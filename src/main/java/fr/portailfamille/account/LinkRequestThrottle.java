package fr.portailfamille.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the mails a visitor can ask for (password reset, new activation link): per client address
 * and per e-mail address, with Bucket4j token buckets. Counted whether or not the address exists.
 */
@Component
class LinkRequestThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 50_000;

    private final int perEmail;
    private final int perClient;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    LinkRequestThrottle(@Value("${portal.account.link-requests.per-email:3}") int perEmail,
            @Value("${portal.account.link-requests.per-client:10}") int perClient) {
        this.perEmail = perEmail;
        this.perClient = perClient;
    }

    /** Takes one request from both buckets; false when either is empty (the request is refused). */
    boolean tryRequest(String clientAddress, String email) {
        Bucket client = bucket("client:" + clientAddress, perClient);
        Bucket mail = bucket("email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)), perEmail);
        if (client.getAvailableTokens() <= 0 || mail.getAvailableTokens() <= 0) {
            return false;
        }
        return client.tryConsume(1) & mail.tryConsume(1);
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, WINDOW).build())
                .build());
    }
}
