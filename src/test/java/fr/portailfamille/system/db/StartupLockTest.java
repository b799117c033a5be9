package fr.portailfamille.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes starting on one database take turns for their start-up writes (groups, authorizations,
 * Tasklist filters, demo data): a node that finds the lock taken waits until the other is ready.
 * The whole race, two real nodes on a fresh database, is checked by {@code .ci/two-nodes.sh}.
 */
class StartupLockTest extends PortalIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStartedNodeHasReleasedTheLock() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            assertThat(tryLock(other)).as("a second node may start: the lock is free once this node is ready").isTrue();
            unlock(other);
        }
    }

    @Test
    void aSecondNodeWaitsUntilTheFirstIsReady() throws Exception {
        try (Connection firstNode = dataSource.getConnection()) {
            assertThat(tryLock(firstNode)).isTrue();
            CompletableFuture<StartupLock> secondNode = CompletableFuture.supplyAsync(() -> {
                try {
                    return new StartupLock(dataSource);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the second node's session shows up in PostgreSQL as waiting for the advisory lock
            for (int i = 0; i < 300 && waitingForTheLock() == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(waitingForTheLock()).as("the second node waits for the lock").isEqualTo(1);
            assertThat(secondNode).isNotDone();

            unlock(firstNode);
            StartupLock second = secondNode.get();
            assertThat(second.held()).isTrue();
            assertThat(tryLock(firstNode)).as("held by the second node now").isFalse();

            second.release();
            assertThat(second.held()).isFalse();
            assertThat(tryLock(firstNode)).as("released by the second node once ready").isTrue();
            unlock(firstNode);
        }
    }

    private long waitingForTheLock() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                + " and ((classid::bigint << 32) | objid::bigint) = ?", Long.class, StartupLock.KEY);
    }

    private static boolean tryLock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + StartupLock.KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + StartupLock.KEY + ")");
        }
    }
}
