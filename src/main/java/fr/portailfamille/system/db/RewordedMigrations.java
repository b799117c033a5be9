package fr.portailfamille.system.db;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations whose comments were reworded after they had been applied (their SQL unchanged):
 * Flyway stores a checksum of each file and refuses to start when a file applied earlier reads
 * differently. A database migrated with the earlier wording (for instance the {@code ./data}
 * folder of the zero-setup run) must still start, so before migrating, the stored checksums are
 * realigned ({@link Flyway#repair()}) — only when every mismatch is one of these versions still
 * holding exactly the checksum of its earlier wording, and no migration has failed. Any other
 * difference stops the start as Flyway always does.
 */
@Configuration(proxyBeanMethods = false)
class RewordedMigrationsConfiguration {

    @Bean
    FlywayMigrationStrategy rewordedMigrations() {
        return RewordedMigrations::migrate;
    }
}

final class RewordedMigrations {

    /** Version → checksum of the file as it read before its comments were reworded. */
    static final Map<String, Integer> EARLIER_CHECKSUMS = Map.of(
            "1", 1933551646,
            "3.1", -850909898,
            "4.1", 724510081,
            "5.1", 1723425551,
            "5.2", -522920393,
            "6.1", 65723072,
            "7.1", -332404164,
            "8.1", -1853288295,
            "9.1", 1548839262);

    private static final Logger log = LoggerFactory.getLogger(RewordedMigrations.class);

    private RewordedMigrations() {
    }

    static void migrate(Flyway flyway) {
        if (onlyRewordedComments(flyway)) {
            log.info("Migrations dont seuls les commentaires ont changé : sommes de contrôle réalignées");
            flyway.repair();
        }
        flyway.migrate();
    }

    /** True when the applied migrations differ from the files only by the known rewording. */
    static boolean onlyRewordedComments(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        if (Arrays.stream(applied).anyMatch(m -> m.getState().isFailed() || m.getState() == MigrationState.MISSING_SUCCESS)) {
            return false;
        }
        List<MigrationInfo> mismatched = Arrays.stream(applied)
                .filter(m -> m.getResolvedChecksum() != null && !m.isChecksumMatching())
                .toList();
        return !mismatched.isEmpty() && mismatched.stream().allMatch(m -> m.getVersion() != null
                && m.getAppliedChecksum().equals(EARLIER_CHECKSUMS.get(m.getVersion().getVersion())));
    }
}
