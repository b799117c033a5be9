package fr.portailfamille.staff;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The process engine's SQL mappings read on a thread of their own from the very start of the application.
 * Building the engine is mostly MyBatis reading Camunda's 55 mapping files (880 kB of XML: a quarter
 * of the main thread's time in a profile of a warm start); nothing in that reading depends on the
 * application's beans, only on the database type and the table prefix. So an initializer (declared in
 * {@code META-INF/spring.factories}) starts it while Spring reads the configuration classes and
 * starts Tomcat, and the engine's configuration receives a session factory that waits for that reading
 * at its first use, the engine's first command. The mappings read are those the engine would read itself
 * (the same file, the same properties); if the database type or prefix the engine finds are not the ones
 * expected, or the reading failed, the engine's own values are used to read them again, as before.
 */
public class EngineMappingsInBackground implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The singleton under which the reading under way is handed to the engine's plugin. */
    static final String BEAN = "engineMappingsReading";
    static final String THREAD = "requetes-du-moteur";
    private static final Logger log = LoggerFactory.getLogger(EngineMappingsInBackground.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("camunda.bpm.enabled", Boolean.class, true)) {
            return;
        }
        String databaseType = expectedDatabaseType(environment.getProperty("camunda.bpm.database.type"),
                environment.getProperty("spring.datasource.url"));
        if (databaseType == null) {
            return; // another database: the engine reads its mappings itself once it knows the type
        }
        String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
        context.getBeanFactory().registerSingleton(BEAN, Reading.start(databaseType, prefix, context.getClassLoader()));
    }

    /**
     * The database type the engine will find: the one configured, else PostgreSQL's when the URL is
     * PostgreSQL's or absent (the embedded PostgreSQL of the zero-setup run and the tests); null otherwise.
     */
    static String expectedDatabaseType(String configured, String url) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return url == null || url.isBlank() || url.startsWith("jdbc:postgresql:") ? "postgres" : null;
    }

    /** Camunda's reading of its mappings (the file and the properties of its configuration), for one type and prefix. */
    static Configuration read(String databaseType, String prefix) {
        Properties properties = new Properties();
        properties.put("prefix", prefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, prefix, databaseType);
        try (InputStream mappings = ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
                Reader reader = new InputStreamReader(mappings, StandardCharsets.UTF_8)) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mappings du moteur illisibles", e);
        }
    }

    /** A reading under way, for the type and prefix it was started with. */
    static final class Reading {

        final String databaseType;
        final String prefix;
        final CompletableFuture<Configuration> mappings;
        volatile long readMillis;

        private Reading(String databaseType, String prefix, CompletableFuture<Configuration> mappings) {
            this.databaseType = databaseType;
            this.prefix = prefix;
            this.mappings = mappings;
        }

        static Reading start(String databaseType, String prefix, ClassLoader classLoader) {
            CompletableFuture<Configuration> mappings = new CompletableFuture<>();
            Reading reading = new Reading(databaseType, prefix, mappings);
            Thread thread = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    mappings.complete(read(databaseType, prefix));
                } catch (Throwable e) {
                    mappings.completeExceptionally(e);
                }
                reading.readMillis = (System.nanoTime() - start) / 1_000_000;
            }, THREAD);
            thread.setContextClassLoader(classLoader);
            thread.setDaemon(true);
            thread.start();
            return reading;
        }

        /** The mappings read for this type and prefix (waits for the reading), or null if they are not these or it failed. */
        Configuration take(String engineDatabaseType, String enginePrefix) {
            if (!databaseType.equals(engineDatabaseType) || !prefix.equals(enginePrefix == null ? "" : enginePrefix)) {
                log.info("Requêtes du moteur lues pour {} « {} », le moteur est sur {} « {} » : relues", databaseType, prefix,
                        engineDatabaseType, enginePrefix);
                return null;
            }
            long start = System.nanoTime();
            try {
                Configuration configuration = mappings.join();
                log.info("Requêtes du moteur lues sur un fil à part en {} ms (attendues {} ms)", readMillis,
                        (System.nanoTime() - start) / 1_000_000);
                return configuration;
            } catch (CompletionException e) {
                log.warn("Lecture des requêtes du moteur en arrière-plan en échec : le moteur les relit", e.getCause());
                return null;
            }
        }
    }

    /** Hands the reading under way to the engine's configuration, before the engine would read the mappings itself. */
    static final class Plugin extends AbstractProcessEnginePlugin {

        private final Reading reading;

        Plugin(Reading reading) {
            this.reading = reading;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (reading != null && configuration.getSqlSessionFactory() == null && !configuration.isUseSharedSqlSessionFactory()) {
                configuration.setSqlSessionFactory(new AwaitedSessionFactory(reading, configuration));
            }
        }
    }

    /**
     * The engine's session factory, made at its first use from the mappings read in the background (or read
     * then, if they were not the engine's), with the engine's environment and settings as Camunda sets them.
     */
    static final class AwaitedSessionFactory implements SqlSessionFactory {

        private final Reading reading;
        private final ProcessEngineConfigurationImpl engine;
        private volatile SqlSessionFactory factory;

        AwaitedSessionFactory(Reading reading, ProcessEngineConfigurationImpl engine) {
            this.reading = reading;
            this.engine = engine;
        }

        SqlSessionFactory factory() {
            SqlSessionFactory made = factory;
            if (made == null) {
                synchronized (this) {
                    made = factory;
                    if (made == null) {
                        made = make();
                        factory = made;
                    }
                }
            }
            return made;
        }

        private SqlSessionFactory make() {
            Configuration configuration = reading.take(engine.getDatabaseType(), engine.getDatabaseTablePrefix());
            if (configuration == null) {
                configuration = read(engine.getDatabaseType(), engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix());
            }
            configuration.setEnvironment(new Environment("default", engine.getTransactionFactory(), engine.getDataSource()));
            configuration.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
            if (engine.isJdbcBatchProcessing()) {
                configuration.setDefaultExecutorType(ExecutorType.BATCH);
            }
            return new DefaultSqlSessionFactory(configuration);
        }

        @Override
        public SqlSession openSession() {
            return factory().openSession();
        }

        @Override
        public SqlSession openSession(boolean autoCommit) {
            return factory().openSession(autoCommit);
        }

        @Override
        public SqlSession openSession(Connection connection) {
            return factory().openSession(connection);
        }

        @Override
        public SqlSession openSession(TransactionIsolationLevel level) {
            return factory().openSession(level);
        }

        @Override
        public SqlSession openSession(ExecutorType execType) {
            return factory().openSession(execType);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, boolean autoCommit) {
            return factory().openSession(execType, autoCommit);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, TransactionIsolationLevel level) {
            return factory().openSession(execType, level);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, Connection connection) {
            return factory().openSession(execType, connection);
        }

        @Override
        public Configuration getConfiguration() {
            return factory().getConfiguration();
        }
    }
}

/** The engine's plugin that takes the mappings read in the background, when the initializer started a reading. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EngineMappingsInBackgroundConfiguration {

    @Bean
    EngineMappingsInBackground.Plugin engineMappingsInBackground(ObjectProvider<EngineMappingsInBackground.Reading> reading) {
        return new EngineMappingsInBackground.Plugin(reading.getIfAvailable());
    }
}
