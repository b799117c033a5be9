package fr.portailfamille.system.security;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of Spring Session's JDBC repository. Its writes (a session and its attributes)
 * stay in a transaction of their own, of the data source alone: the application's transaction
 * manager is JPA's, which opened an entity manager for each of them. A read of a session by its id
 * ({@link #reading}, from {@link QuietSessions}) is one SELECT, run without a transaction: no BEGIN
 * and COMMIT around the statement every request sends.
 */
final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final TransactionTemplate writes;

    SessionTransactions(TransactionTemplate writes) {
        this.writes = writes;
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs a read of the repository (its lookup of a session by id) outside any transaction. */
    static <T> T reading(Supplier<T> read) {
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        return READING.get() != null ? TransactionOperations.withoutTransaction().execute(action) : writes.execute(action);
    }
}
