package fr.portailfamille.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The single-use links of mails: 32 random bytes (URL-safe Base64) given to the family, only
 * their SHA-256 hash stored; a new link of the same purpose revokes the older ones.
 */
@Component
class LinkTokens {

    /** What a link is worth when it comes back. */
    enum State { VALID, USED, REPLACED, EXPIRED, UNKNOWN }

    record Checked(State state, AccountToken token) {}

    private final SecureRandom random = new SecureRandom();
    private final AccountTokenRepository tokens;
    private final Clock clock;

    LinkTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Issues a new link (revoking the account's previous ones of this purpose) and returns its raw token. */
    String issue(long accountId, AccountToken.Purpose purpose, Instant expiresAt) {
        Instant now = clock.instant();
        tokens.findByAccountIdAndPurpose(accountId, purpose).forEach(t -> t.revoke(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new AccountToken(accountId, purpose, hash(raw), expiresAt));
        return raw;
    }

    Checked check(String raw, AccountToken.Purpose purpose) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return new Checked(State.UNKNOWN, null);
        }
        Optional<AccountToken> found = tokens.findByTokenHashAndPurpose(hash(raw.trim()), purpose);
        if (found.isEmpty()) {
            return new Checked(State.UNKNOWN, null);
        }
        AccountToken token = found.get();
        State state;
        if (token.getUsedAt() != null) {
            state = State.USED;
        } else if (token.getAccountId() == null || !clock.instant().isBefore(token.getExpiresAt())) {
            state = State.EXPIRED;
        } else if (token.getRevokedAt() != null) {
            state = State.REPLACED;
        } else {
            state = State.VALID;
        }
        return new Checked(state, token);
    }

    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
