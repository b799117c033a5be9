package fr.portailfamille.dunning;

import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminder test data written with SQL (a family, with or without e-mail, and one published
 * invoice), then published as billing publishes: {@link InvoicesPublished} in a transaction.
 */
final class DunningFixtures {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final UnpaidInvoiceStarter starter;
    private final RuntimeService runtime;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    DunningFixtures(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher events, UnpaidInvoiceStarter starter,
            RuntimeService runtime) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.starter = starter;
        this.runtime = runtime;
    }

    long family(String name, boolean withEmail) {
        long id = jdbc.queryForObject("insert into family_file (number, name, address_line, postal_code, city) values (?, ?, ?, ?, ?) returning id",
                Long.class, "93" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), name, "12 rue des Lilas", "99999", "Belcourt");
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, 'Camille', ?)",
                id, name, withEmail ? emailOf(id) : null);
        return id;
    }

    /** A portal account linked to the family; returns its user name (password {@code password}). */
    String account(long familyFileId, String passwordHash) {
        String username = "r9" + tag + "u" + familyFileId;
        long id = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', 'RELANCES', 'Camille', now()) returning id
                """, Long.class, username, username + "@example.org", passwordHash);
        jdbc.update("update family_file set account_id = ? where id = ?", id, familyFileId);
        return username;
    }

    String emailOf(long familyFileId) {
        return "relances-" + tag + "-" + familyFileId + "@example.org";
    }

    String numberOf(long familyFileId) {
        return jdbc.queryForObject("select number from family_file where id = ?", String.class, familyFileId);
    }

    /** A published invoice of the family (one line « Restauration scolaire »), due on that day. */
    PendingInvoice invoice(long familyFileId, LocalDate dueOn, String total) {
        String number = "FA-2031-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String name = jdbc.queryForObject("select name from family_file where id = ?", String.class, familyFileId);
        long id = jdbc.queryForObject("""
                insert into invoice (family_file_id, family_number, family_name, month, number, state, total, issued_on, due_on, pdf)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id
                """, Long.class, familyFileId, numberOf(familyFileId), name, dueOn.minusMonths(2).toString().substring(0, 7), number,
                new BigDecimal(total), dueOn.minusDays(30), dueOn, "%PDF-1.4\n%%EOF\n".getBytes());
        jdbc.update("""
                insert into invoice_line (invoice_id, position, child_id, child_name, child_birth_date, activity_id, activity_name,
                    childcare, unit_label, quantity, unit_price, bracket, sibling_rank, amount)
                values (?, 1, 0, 'Léo', '2020-01-01', 0, 'Restauration scolaire', false, 'repas', 1, ?, 'QF', 1, ?)
                """, id, new BigDecimal(total), new BigDecimal(total));
        return new PendingInvoice(id, familyFileId, number, "période", new BigDecimal(total), dueOn);
    }

    /** Publishes the invoice as billing does, then waits for its process (started after the commit, in batches). */
    ProcessInstance follow(PendingInvoice invoice) {
        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(invoice))));
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            starter.startWaiting();
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("REL-" + invoice.number())
                    .singleResult();
            if (instance != null) {
                return instance;
            }
            sleep(200);
        }
        throw new AssertionError("no unpaidInvoice process for " + invoice.number());
    }

    /** A payment written straight in billing's tables, without billing's event: as if the process were never told of it. */
    void paymentUntold(long invoiceId, String amount) {
        jdbc.update("insert into invoice_payment (invoice_id, mode, amount, paid_at) values (?, 'CHEQUE', ?, now())", invoiceId,
                new BigDecimal(amount));
        jdbc.update("update invoice set paid_amount = paid_amount + ?, state = case when paid_amount + ? >= total then 'PAID' else state end"
                + " where id = ?", new BigDecimal(amount), new BigDecimal(amount), invoiceId);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
