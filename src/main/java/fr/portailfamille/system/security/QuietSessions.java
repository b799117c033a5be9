package fr.portailfamille.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions in PostgreSQL, read once and written only when something changed. Spring Session's
 * filter reads a session at the start of a request and, after saving it at the end, reads it again
 * only to check that the id the browser sent is still valid; and each request moves its last-access
 * time, so every page wrote the session's row (a row version, WAL and a flushed commit per page
 * view). Here:
 * <ul>
 * <li>the session just saved answers that second read (same id, same request: {@link #endOfRequest}
 * is called by a filter around Spring Session's, so nothing is kept from one request to the next),
 * instead of the database;</li>
 * <li>a session whose attributes, id and time-out did not change is written only when its recorded
 * last access is {@link #TOUCH_EVERY} old or more: a session then expires at most that much before its
 * 30 minutes of inactivity.</li>
 * </ul>
 * Sessions created, changed (login, CSRF token, flash attributes…), found by principal or deleted go
 * to the JDBC repository as before. A session is read by one statement outside any transaction
 * ({@link SessionTransactions}).
 */
final class QuietSessions implements FindByIndexNameSessionRepository<Session> {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final ThreadLocal<Tracked> JUST_SAVED = new ThreadLocal<>();

    /** Forgets the session this thread just saved: the request is over. */
    static void endOfRequest() {
        JUST_SAVED.remove();
    }

    private final JdbcIndexedSessionRepository jdbc;

    QuietSessions(JdbcIndexedSessionRepository jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SessionRepository<Session> raw() {
        return (SessionRepository) jdbc;
    }

    @Override
    public Session createSession() {
        JUST_SAVED.remove();
        return jdbc.createSession();
    }

    @Override
    public void save(Session session) {
        JUST_SAVED.remove();
        if (session instanceof Tracked tracked) {
            if (tracked.needsWrite()) {
                raw().save(tracked.delegate);
                tracked.written();
            }
            JUST_SAVED.set(tracked);
        } else {
            raw().save(session);
        }
    }

    @Override
    public Session findById(String id) {
        Tracked just = JUST_SAVED.get();
        JUST_SAVED.remove();
        if (just != null && just.getId().equals(id) && !just.isExpired()) {
            return just;
        }
        Session found = SessionTransactions.reading(() -> raw().findById(id));
        return found == null ? null : new Tracked(found);
    }

    @Override
    public void deleteById(String id) {
        JUST_SAVED.remove();
        jdbc.deleteById(id);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return (Map) jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /** A session read from the database, noting whether anything but its last access changed. */
    static final class Tracked implements Session {

        final Session delegate;
        private Instant recordedAccess;
        private boolean changed;

        Tracked(Session delegate) {
            this.delegate = delegate;
            this.recordedAccess = delegate.getLastAccessedTime();
        }

        boolean needsWrite() {
            return changed || !delegate.getLastAccessedTime().isBefore(recordedAccess.plus(TOUCH_EVERY));
        }

        void written() {
            changed = false;
            recordedAccess = delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
