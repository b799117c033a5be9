package fr.portailfamille.system.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nodes started together on one database take turns for their start-up writes. Camunda's
 * process engine creates its schema, the {@code admin} user and its filter when it is built, and
 * every module then makes sure of its groups, authorizations, Tasklist filters and (profile
 * {@code demo}) demo data by « check, then create »: two nodes doing that at the same instant on a
 * fresh database both find nothing and both create — a unique-key error that stops one node, or a
 * Tasklist filter twice. So the engine is built only once this node holds a PostgreSQL session
 * advisory lock, and the lock is released when the application is ready (after every
 * {@link ApplicationRunner}): the second
 * node waits, then finds everything made. A node that dies holding it frees it with its
 * connection. (Flyway and Camunda's deployments have locks of their own.)
 */
@Configuration(proxyBeanMethods = false)
class StartupLockConfiguration {

    /** The Camunda Spring Boot starter's bean that builds the process engine. */
    static final String PROCESS_ENGINE_BEAN = "processEngineFactoryBean";

    @Bean
    static BeanFactoryPostProcessor processEngineAfterStartupLock() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(PROCESS_ENGINE_BEAN)) {
                BeanDefinition engine = beanFactory.getBeanDefinition(PROCESS_ENGINE_BEAN);
                String[] before = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
                String[] after = java.util.Arrays.copyOf(before, before.length + 1);
                after[before.length] = "startupLock";
                engine.setDependsOn(after);
            }
        };
    }

    @Bean
    StartupLock startupLock(DataSource dataSource) throws SQLException {
        return new StartupLock(dataSource);
    }
}

/** The lock itself: taken when the bean is created, released when the application is ready (or closed). */
class StartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** Any constant shared by every node of the portal: "Portail" in ASCII. */
    static final long KEY = 0x506f727461696cL;
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection connection;

    StartupLock(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + KEY + ")");
        }
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        if (waitedMs > 1000) {
            log.info("Démarrage : attendu {} ms qu'un autre nœud termine son initialisation", waitedMs);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try {
            release();
        } catch (SQLException e) {
            throw new IllegalStateException("verrou de démarrage non libéré", e);
        }
    }

    @Override
    public void destroy() throws SQLException {
        release();
    }

    boolean held() {
        return connection != null;
    }

    synchronized void release() throws SQLException {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } finally {
            connection.close();
            connection = null;
        }
    }
}
