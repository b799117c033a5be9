package fr.portailfamille.family;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The info sign: a help message the Guichet Unique publishes for one page of the portal. */
@Service
@Transactional
class HelpMessages {

    record HelpMessage(String pagePath, String message, String publishedBy, Instant publishedAt) {}

    private final JdbcClient jdbc;

    HelpMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<String> forPage(String pagePath) {
        return jdbc.sql("select message from help_message where page_path = ?").param(pagePath).query(String.class).optional();
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
    }

    void withdraw(String pagePath) {
        jdbc.sql("delete from help_message where page_path = ?").param(pagePath).update();
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
