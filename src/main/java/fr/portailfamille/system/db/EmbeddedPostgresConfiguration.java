package fr.portailfamille.system.db;

import com.zaxxer.hikari.HikariDataSource;
import fr.portailfamille.system.PortalProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero setup: when no {@code spring.datasource.url} is given, the portal starts its own
 * PostgreSQL server whose data lives in {@code portal.embedded-db.data-dir} and survives a
 * restart (left empty, a temporary folder erased at stop, as in the tests). With the standard {@code SPRING_DATASOURCE_URL} this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PortalProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Spring stops it, after the engine and the pool are closed (its own JVM hook would race them)
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200");
        Path configured = properties.embeddedDb().dataDir();
        String where = "un dossier temporaire effacé à l'arrêt";
        if (configured != null && !configured.toString().isBlank()) {
            Path dataDir = configured.toAbsolutePath().normalize();
            where = (Files.isRegularFile(dataDir.resolve("PG_VERSION")) ? "données existantes dans " : "nouvelle base dans ") + dataDir;
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (properties.embeddedDb().port() > 0) {
            builder.setPort(properties.embeddedDb().port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("PostgreSQL embarqué démarré sur le port {} ({})", postgres.getPort(), where);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("portail-embedded");
        return dataSource;
    }
}
