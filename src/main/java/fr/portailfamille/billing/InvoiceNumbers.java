package fr.portailfamille.billing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless invoice numbers per year ({@code FA-2026-000123}). The year's counter row is created if
 * missing, then incremented with {@code UPDATE … RETURNING} inside the caller's (publishing)
 * transaction: the row stays locked until that transaction ends, so concurrent publications take
 * numbers one after the other, and a rollback gives its numbers back — no hole, no duplicate.
 */
@Component
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year; must run in the transaction that stores it on the invoice. */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        jdbc.sql("insert into invoice_counter (year, last_number) values (?, 0) on conflict (year) do nothing").param(year).update();
        int number = jdbc.sql("update invoice_counter set last_number = last_number + 1 where year = ? returning last_number")
                .param(year).query(Integer.class).single();
        return format(year, number);
    }

    /**
     * The next {@code count} numbers of the year at once (a whole run): returns the first; the
     * numbers first … first + count - 1 are the caller's, in the same locked transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int reserve(int year, int count) {
        jdbc.sql("insert into invoice_counter (year, last_number) values (?, 0) on conflict (year) do nothing").param(year).update();
        int last = jdbc.sql("update invoice_counter set last_number = last_number + ? where year = ? returning last_number")
                .params(count, year).query(Integer.class).single();
        return last - count + 1;
    }

    static String format(int year, int number) {
        return String.format("FA-%d-%06d", year, number);
    }
}
