package fr.portailfamille.family;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The info sign: a help message the Guichet Unique publishes for one page of the portal. */
@Service
@Transactional
class HelpMessages {

    record HelpMessage(String pagePath, String message, String publishedBy, Instant publishedAt) {}

    /** How long another node's change may take to show here. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Snapshot(Map<String, String> messages, long readAt) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    HelpMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page's message, from a copy of the (small) table kept in memory: a page view costs no query.
     * The copy is dropped when this node publishes or withdraws a message, and read again at most
     * {@link #FRESH} later otherwise (what another node changed shows within that time). No
     * transaction: a page view served from the copy takes no connection from the pool.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<String> forPage(String pagePath) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > FRESH.toNanos()) {
            current = new Snapshot(jdbc.sql("select page_path, message from help_message")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)), System.nanoTime());
            snapshot = current;
        }
        return Optional.ofNullable(current.messages().get(pagePath));
    }

    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        }
        snapshot = null;
    }

    @Transactional(readOnly = true)
    List<HelpMessage> all() {
        return jdbc.sql("select * from help_message order by page_path")
                .query((rs, i) -> new HelpMessage(rs.getString("page_path"), rs.getString("message"), rs.getString("published_by"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    void publish(String pagePath, String message, String publishedBy) {
        jdbc.sql("""
                insert into help_message (page_path, message, published_by, published_at) values (?, ?, ?, now())
                on conflict (page_path) do update set message = excluded.message, published_by = excluded.published_by,
                    published_at = now()""")
                .params(pagePath, message, publishedBy).update();
        forgetAfterCommit();
    }

    void withdraw(String pagePath) {
        jdbc.sql("delete from help_message where page_path = ?").param(pagePath).update();
        forgetAfterCommit();
    }

    /** A portal page path as the family's browser shows it: starts with /, no query, no trailing slash. */
    static Optional<String> normalizedPath(String typed) {
        String path = FamilyInput.clean(typed);
        if (path == null || !path.startsWith("/") || path.length() > 200 || !path.matches("/[A-Za-z0-9/_\\-]*")
                || path.startsWith("/agent") || path.startsWith("/camunda") || path.startsWith("/engine-rest")) {
            return Optional.empty();
        }
        return Optional.of(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
}
