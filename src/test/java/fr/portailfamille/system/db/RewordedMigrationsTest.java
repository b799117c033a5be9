package fr.portailfamille.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.support.SecondApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database migrated while some migrations still had their earlier comments (same SQL, other
 * checksums stored by Flyway) starts with the reworded files; any other difference still stops
 * the start.
 */
class RewordedMigrationsTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void aDatabaseMigratedWithTheEarlierFiles() {
        jdbc.sql("drop schema public cascade").update();
        jdbc.sql("create schema public").update();
        flyway().migrate();
        // the schema is the same; what differs is the checksum Flyway stored for each earlier file
        RewordedMigrations.EARLIER_CHECKSUMS.forEach(this::storeChecksum);
        assertThatThrownBy(() -> flyway().validate()).as("Flyway alone refuses such a database")
                .isInstanceOf(FlywayValidateException.class);
    }

    @Test
    void thePortalStartsOnADatabaseMigratedWithTheEarlierWording() {
        try (ConfigurableApplicationContext app = SecondApplication.start(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=0")) {
            assertThat(app.isRunning()).isTrue();
        }
        flyway().validate();
        assertThat(storedChecksum("4.1")).as("the stored checksum is now the reworded file's")
                .isNotEqualTo(RewordedMigrations.EARLIER_CHECKSUMS.get("4.1"));
    }

    @Test
    void anotherChecksumOfARewordedMigrationStillStopsTheStart() {
        storeChecksum("5.1", 42);
        assertThatThrownBy(() -> RewordedMigrations.migrate(flyway())).isInstanceOf(FlywayValidateException.class);
        assertThat(storedChecksum("4.1")).as("nothing repaired").isEqualTo(RewordedMigrations.EARLIER_CHECKSUMS.get("4.1"));
    }

    @Test
    void aChangedMigrationBesideTheRewordedOnesStillStopsTheStart() {
        storeChecksum("27.1", 42);
        assertThatThrownBy(() -> RewordedMigrations.migrate(flyway())).isInstanceOf(FlywayValidateException.class);
        assertThat(storedChecksum("4.1")).as("nothing repaired").isEqualTo(RewordedMigrations.EARLIER_CHECKSUMS.get("4.1"));
    }

    @Test
    void theRewordedMigrationsAreRealignedThenPendingOnesApplied() {
        jdbc.sql("delete from flyway_schema_history where version = '27.2'").update();
        jdbc.sql("drop table absence cascade").update();
        RewordedMigrations.migrate(flyway());
        flyway().validate();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '27.2' and success")
                .query(Long.class).single()).isEqualTo(1);
    }

    private static Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load();
    }

    private void storeChecksum(String version, int checksum) {
        jdbc.sql("update flyway_schema_history set checksum = ? where version = ?").params(checksum, version).update();
    }

    private static Integer storedChecksum(String version) {
        return jdbc.sql("select checksum from flyway_schema_history where version = ?").param(version)
                .query(Integer.class).single();
    }
}
