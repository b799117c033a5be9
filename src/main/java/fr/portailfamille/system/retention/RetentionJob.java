package fr.portailfamille.system.retention;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly purge of the retention policy: every {@link RetentionRule} of every module, in one
 * transaction (all or nothing), under a PostgreSQL advisory lock so that on several nodes sharing the
 * database only one runs at a time (the others skip; the next night catches up). Idempotent: what is
 * deleted is what is older than the policy, so a second run finds nothing.
 */
@Component
public class RetentionJob {

    /** The advisory lock key of the purge (any constant, the same on every node). */
    static final long LOCK_KEY = 0x52_47_50_44_5f_50_55_52L; // "RGPD_PUR"

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<RetentionRule> rules;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionJob(List<RetentionRule> rules, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.retention.cron}", zone = "Europe/Paris")
    void nightly() {
        run();
    }

    /**
     * Runs the policy now: rows deleted per rule, or empty when another node (or thread) is running it.
     */
    public Optional<Map<String, Integer>> run() {
        return transaction.execute(status -> {
            boolean locked = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY)
                    .query(Boolean.class).single());
            if (!locked) {
                log.info("Conservation des données : purge déjà en cours sur un autre nœud, rien à faire ici");
                return Optional.empty();
            }
            ZonedDateTime now = ZonedDateTime.now(clock);
            Map<String, Integer> deleted = new LinkedHashMap<>();
            for (RetentionRule rule : rules) {
                deleted.put(rule.name(), rule.purge(jdbc, now));
            }
            log.info("Conservation des données : lignes supprimées par règle {}", deleted);
            return Optional.of(deleted);
        });
    }
}
