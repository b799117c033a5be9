package fr.portailfamille.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what one HTTP request costs the database: SQL statements sent, transactions (commits and
 * rollbacks, and statements run in auto-commit), and among the statements the reads and writes of the
 * HTTP session's tables. A request carrying the header {@value #HEADER} is counted on its thread, from
 * the first filter to the last, and its counts are kept under the header's value
 * ({@link #of(String)}). Every other request, and every other thread, only passes through.
 */
@Configuration(proxyBeanMethods = false)
public class StatementCounter {

    public static final String HEADER = "X-Statement-Probe";

    /** What one request cost, with the statements in order (for the report of a test that fails). */
    public record Counts(int statements, int transactions, int sessionReads, int sessionWrites, List<String> sql) {

        @Override
        public String toString() {
            return statements + " statements, " + transactions + " transactions, session read " + sessionReads
                    + " and written " + sessionWrites + " times:\n  " + String.join("\n  ", sql);
        }
    }

    private static final class Tally {
        int transactions;
        final List<String> sql = new ArrayList<>();
    }

    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();
    private static final Map<String, Counts> RESULTS = new ConcurrentHashMap<>();

    /** The counts of the request sent with {@code X-Statement-Probe: probe}, once it has ended. */
    public static Counts of(String probe) {
        Counts counts = RESULTS.remove(probe);
        if (counts == null) {
            throw new AssertionError("no request counted under " + probe);
        }
        return counts;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof Counting) ? new Counting(source) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> statementCountingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            String probe = ((HttpServletRequest) request).getHeader(HEADER);
            if (probe == null) {
                chain.doFilter(request, response);
                return;
            }
            Tally tally = new Tally();
            CURRENT.set(tally);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                RESULTS.put(probe, counts(tally));
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static Counts counts(Tally tally) {
        int reads = 0;
        int writes = 0;
        for (String sql : tally.sql) {
            String s = sql.strip().toUpperCase(Locale.ROOT);
            if (s.contains("SPRING_SESSION")) {
                if (s.startsWith("SELECT")) {
                    reads++;
                } else {
                    writes++;
                }
            }
        }
        return new Counts(tally.sql.size(), tally.transactions, reads, writes, List.copyOf(tally.sql));
    }

    /** The application's data source, its connections counting on the thread of a counted request. */
    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }
    }

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Tally tally = CURRENT.get();
            if (tally != null && ("commit".equals(method.getName()) || "rollback".equals(method.getName()))
                    && (args == null || args.length == 0)) {
                tally.transactions++;
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement && !(result instanceof Proxy)) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                return countingStatement(connection, statement, prepared, method.getReturnType());
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object countingStatement(Connection connection, Statement statement, String prepared, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            Tally tally = CURRENT.get();
            if (tally != null && EXECUTE.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                tally.sql.add(sql == null ? "?" : sql.replaceAll("\\s+", " "));
                if (connection.getAutoCommit()) {
                    tally.transactions++;
                }
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
