package fr.portailfamille.system.security;

import fr.portailfamille.system.PortalProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address (Bucket4j token buckets): past the
 * limit the login is refused until the window refills, whatever the password.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private final PortalProperties.LoginThrottle settings;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    LoginThrottle(PortalProperties properties) {
        this.settings = properties.loginThrottle();
    }

    public boolean isBlocked(String username, String address) {
        return exhausted(accountKey(username)) || exhausted(addressKey(address));
    }

    public void recordFailure(String username, String address) {
        bucket(accountKey(username), settings.maxFailuresPerAccount()).tryConsume(1);
        bucket(addressKey(address), settings.maxFailuresPerAddress()).tryConsume(1);
    }

    public void recordSuccess(String username) {
        buckets.remove(accountKey(username));
    }

    private boolean exhausted(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, settings.window()).build())
                .build());
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
