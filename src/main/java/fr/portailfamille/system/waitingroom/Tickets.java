package fr.portailfamille.system.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A family's place in the queue, carried by its browser: {@code <number>.<issued, epoch seconds>.<HMAC>}.
 * Signed with the key every node reads from PostgreSQL, so any node accepts it and nobody can write
 * himself a smaller number; it keeps its place for {@code lifetime}, reloads and retries included.
 */
final class Tickets {

    static final String COOKIE = "PORTAIL_FILE";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    Tickets(byte[] key, Clock clock, Duration lifetime) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String sign(long number) {
        String payload = number + "." + clock.instant().getEpochSecond();
        return payload + "." + mac(payload);
    }

    /** The ticket's number, if the value is one of ours, unchanged and still alive. */
    OptionalLong verify(String value) {
        if (value == null || value.length() > 120) {
            return OptionalLong.empty();
        }
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last <= first) {
            return OptionalLong.empty();
        }
        String payload = value.substring(0, last);
        byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(payload.substring(0, first));
            long issued = Long.parseLong(payload.substring(first + 1));
            if (clock.instant().getEpochSecond() - issued > lifetime.toSeconds()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(number);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    Duration lifetime() {
        return lifetime;
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
