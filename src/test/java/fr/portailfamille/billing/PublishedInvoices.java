package fr.portailfamille.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishes a month through the billing service itself (no process), for tests that need real published invoices. */
final class PublishedInvoices {

    static final YearMonth MONTH = YearMonth.of(2023, 11);

    private final BillingFixtures fixtures;
    private final BillingRuns runs;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    PublishedInvoices(JdbcTemplate jdbc, BillingRuns runs, TransactionTemplate transaction) {
        this.fixtures = new BillingFixtures(jdbc);
        this.runs = runs;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    BillingFixtures fixtures() {
        return fixtures;
    }

    /** A family with one child booked {@code days} days at 14,00 € in {@link #MONTH}, billed and published. */
    long familyWithPendingInvoice(String name, int days) {
        long activity = fixtures.activity("Centre de loisirs " + name);
        fixtures.grid(activity, BillingFixtures.GRID_FROM, "14.00", "11.00", "14.00", "11.00");
        long family = fixtures.family(name);
        long child = fixtures.child(family, "Enfant", LocalDate.of(2021, 5, 5));
        for (int d = 0; d < days; d++) {
            fixtures.book(family, child, activity, MONTH.atDay(1 + d), "BOOKED");
        }
        long run = runs.open(MONTH, "test-" + UUID.randomUUID());
        runs.computeDrafts(run);
        transaction.executeWithoutResult(status -> runs.publish(run));
        return family;
    }

    String invoiceNumberOf(long familyFileId) {
        return jdbc.queryForObject("select number from invoice where family_file_id = ? and state <> 'CANCELLED' order by id limit 1",
                String.class, familyFileId);
    }

    long invoiceIdOf(long familyFileId) {
        return jdbc.queryForObject("select id from invoice where family_file_id = ? and state <> 'CANCELLED' order by id limit 1",
                Long.class, familyFileId);
    }

    String invoiceState(long familyFileId) {
        return jdbc.queryForObject("select state from invoice where family_file_id = ? order by id limit 1", String.class, familyFileId);
    }
}
