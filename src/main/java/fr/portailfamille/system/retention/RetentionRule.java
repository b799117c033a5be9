package fr.portailfamille.system.retention;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One rule of the retention policy, declared as a bean by the module owning the data: a name, how long
 * the data is kept, and the {@code delete} that removes what is older. The statement compares with one
 * named parameter, {@code :cutoff} (a {@code timestamptz}: now minus the period); it must be idempotent
 * (a second run deletes nothing) and delete only data the module owns (cascades included).
 */
public final class RetentionRule {

    private final String name;
    private final Period keep;
    private final String deleteSql;

    public RetentionRule(String name, Period keep, String deleteSql) {
        if (!deleteSql.contains(":cutoff")) {
            throw new IllegalArgumentException("rule " + name + ": the statement must compare with :cutoff");
        }
        if (keep == null || keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("rule " + name + ": a retention period is required (portal.retention.*)");
        }
        this.name = name;
        this.keep = keep;
        this.deleteSql = deleteSql;
    }

    public String name() {
        return name;
    }

    public Period keep() {
        return keep;
    }

    /** Deletes what is older than the period, as of {@code now}; the number of rows deleted. */
    int purge(JdbcClient jdbc, ZonedDateTime now) {
        return jdbc.sql(deleteSql).param("cutoff", OffsetDateTime.from(now.minus(keep))).update();
    }
}
