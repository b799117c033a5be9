package fr.portailfamille.system.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions in PostgreSQL stay correct when one session sends several requests at once (a
 * double click, a page's parallel requests right after login): each request saves the attributes
 * it saw as new, and Spring Session's plain INSERT of the second one broke on the attributes'
 * primary key (a 500 although the action was saved). Here an attribute is written with an upsert,
 * the last write wins, and an attribute of a session another request just ended is dropped
 * silently instead of breaking the foreign key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** The parameters stay those of Spring Session's own query: primary id, attribute name, bytes. */
    static final String UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT s.PRIMARY_ID, a.ATTRIBUTE_NAME, a.ATTRIBUTE_BYTES
            FROM (VALUES (?, ?, ?)) AS a (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            JOIN %TABLE_NAME% s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /**
     * What the session filter and the modules get instead of Spring Boot's JDBC repository: the same,
     * read once per request and written on change (a bean of our own would turn Boot's session
     * configuration off, so the repository is wrapped once built).
     */
    @Bean
    static BeanPostProcessor quietSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new QuietSessions(jdbc) : bean;
            }
        };
    }

    /** Around Spring Session's filter: what {@link QuietSessions} kept for a request ends with it. */
    @Bean
    FilterRegistrationBean<Filter> quietSessionsRequestEnd() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            QuietSessions.endOfRequest();
            try {
                chain.doFilter(request, response);
            } finally {
                QuietSessions.endOfRequest();
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Spring Session's statements: reads without a transaction, writes in one of the data source's (see
     * {@link SessionTransactions}). Given to Spring Session by its name only: not a default candidate, so
     * that the application's own {@code TransactionTemplate} stays Spring Boot's.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        return new SessionTransactions(new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentSafeAttributes() {
        return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
    }
}
