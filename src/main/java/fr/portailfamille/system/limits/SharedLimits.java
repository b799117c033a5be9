package fr.portailfamille.system.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets that every node of the portal shares: each bucket is a row of {@code rate_limit_bucket},
 * locked while a request takes or gives back a token ({@code SELECT … FOR UPDATE}), so a client that
 * spreads its attempts over several nodes, or sends them all at once, gets the allowance once. Rows
 * expire once their bucket is full again and are removed every few minutes.
 *
 * <p>A module declares its limit once ({@link #limit}) and uses it with a key (an address, an
 * account, a family).
 */
@Component
public class SharedLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedLimits.class);
    /** Keys longer than this are hashed (the id column holds 300 characters with the limit's name). */
    private static final int MAX_KEY_LENGTH = 200;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /**
     * A limit named {@code name} (the prefix of its keys): {@code capacity} tokens per key, all given
     * back at the end of each {@code window}.
     */
    public Limit limit(String name, int capacity, Duration window) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(capacity).refillIntervally(capacity, window))
                .build();
        return new Limit(name, configuration, capacity);
    }

    /** Removes the rows of buckets that are full again (a full bucket is the same as no row). */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void removeExpired() {
        int removed;
        do {
            removed = buckets.removeExpired(500);
        } while (removed >= 500);
    }

    /** One limit: a bucket per key. */
    public final class Limit {

        private final String name;
        private final Supplier<BucketConfiguration> configuration;
        private final int capacity;

        private Limit(String name, BucketConfiguration configuration, int capacity) {
            this.name = name;
            this.configuration = () -> configuration;
            this.capacity = capacity;
        }

        /** The allowance per key. */
        public int capacity() {
            return capacity;
        }

        /**
         * Takes a token for {@code key}, atomically across nodes: the number left after it, or -1 when
         * the bucket was already empty (nothing taken: refuse the request).
         */
        public long tryTake(String key) {
            return tryTake(key, 1);
        }

        /**
         * Takes {@code tokens} for {@code key} at once (an amount, e.g. bytes), atomically across
         * nodes: the number left after them, or -1 when fewer were left (nothing taken).
         */
        public long tryTake(String key, long tokens) {
            if (tokens <= 0) {
                return bucket(key).getAvailableTokens();
            }
            ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(tokens);
            return probe.isConsumed() ? probe.getRemainingTokens() : -1;
        }

        /** Whether the bucket of {@code key} is empty, without taking anything. */
        public boolean isEmpty(String key) {
            return bucket(key).getAvailableTokens() <= 0;
        }

        /** Gives back a token taken for a request that turned out not to count (a successful login). */
        public void giveBack(String key) {
            giveBack(key, 1);
        }

        /** Gives back {@code tokens} taken for a request that was not carried out after all. */
        public void giveBack(String key, long tokens) {
            if (tokens <= 0) {
                return;
            }
            try {
                bucket(key).addTokens(tokens);
            } catch (RuntimeException e) {
                log.warn("Limite {} : jeton non rendu pour {}", name, key, e);
            }
        }

        /** Fills the bucket of {@code key} again (forget its past requests). */
        public void reset(String key) {
            buckets.removeProxy(id(key));
        }

        private io.github.bucket4j.distributed.BucketProxy bucket(String key) {
            RemoteBucketBuilder<String> builder = buckets.builder();
            return builder.build(id(key), configuration);
        }

        /** The row's id: the key itself, or its SHA-256 when it is longer than a key should be (a hostile value). */
        private String id(String key) {
            String value = key == null ? "" : key;
            if (value.length() <= MAX_KEY_LENGTH) {
                return name + ":" + value;
            }
            try {
                return name + ":sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
