package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoice tables, in plain SQL: drafts are written in bulk, pages read small slices. */
@Component
class InvoiceStore {

    private static final String COLUMNS = """
            i.id, i.family_file_id, i.family_number, i.family_name, i.month, i.number, i.state, i.quotient, i.quotient_note,
            i.total, i.paid_amount, i.issued_on, i.due_on, i.paid_at, coalesce(octet_length(i.pdf), 0) as pdf_size
            """;

    private static final String PUBLISH = """
            update invoice set number = ?, state = 'PENDING', issued_on = ?, due_on = ?, pdf = ?, published_at = now()
            where id = ? and state = 'DRAFT'
            """;

    private final JdbcClient jdbc;
    /** Only for the batched writes of the billing run ({@code JdbcClient} has no batch): lines, publications, notices. */
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;

    InvoiceStore(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
    }

    /** Stores a draft and its lines: its id, or -1 (nothing stored) when the family already has its invoice of the month. */
    long insertDraft(Long runId, long familyFileId, String familyNumber, String familyName, YearMonth month, Pricing.Result priced) {
        // a family that already has its invoice of the month is left as it is: a second attempt of the
        // drafting step running at the same time (its job taken again once its lock expired) drafted it
        List<Long> inserted = jdbc.sql("""
                insert into invoice (billing_run_id, family_file_id, family_number, family_name, month, state, quotient, quotient_note, total)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
                on conflict (family_file_id, month) where state <> 'CANCELLED' do nothing
                returning id
                """).params(runId, familyFileId, familyNumber, familyName, month.toString(), priced.quotient(),
                priced.quotientNote(), priced.total()).query(Long.class).list();
        if (inserted.isEmpty()) {
            return -1;
        }
        long id = inserted.get(0);
        int position = 0;
        List<Object[]> rows = new ArrayList<>();
        for (Pricing.Line line : priced.lines()) {
            rows.add(new Object[] {id, ++position, line.childId(), line.childName(), line.childBirthDate(), line.activityId(),
                    line.activityName(), line.childcare(), line.unitLabel(), line.quantity(), line.lateCancelled(),
                    line.unitPrice(), line.bracket(), line.siblingRank(), line.amount()});
        }
        // the lines in one round trip
        batch.batchUpdate("""
                insert into invoice_line (invoice_id, position, child_id, child_name, child_birth_date, activity_id, activity_name,
                    childcare, unit_label, quantity, late_cancelled, unit_price, bracket, sibling_rank, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        List<Object[]> days = new ArrayList<>();
        for (Pricing.DayNote note : priced.days()) {
            days.add(new Object[] {id, days.size() + 1, note.childName(), note.activityName(), clip(note.billed()), clip(note.notBilled())});
        }
        batch.batchUpdate("insert into invoice_days (invoice_id, position, child_name, activity_name, billed, not_billed) values (?, ?, ?, ?, ?, ?)",
                days);
        return id;
    }

    /** Families already billed for the month (by a published invoice or a draft of another run). */
    List<Long> familiesBilled(YearMonth month, long exceptRunId) {
        return jdbc.sql("""
                select family_file_id from invoice where month = ? and state <> 'CANCELLED'
                and (state <> 'DRAFT' or billing_run_id is distinct from ?)
                """).params(month.toString(), exceptRunId).query(Long.class).list();
    }

    List<Long> familiesDrafted(long runId) {
        return jdbc.sql("select family_file_id from invoice where billing_run_id = ? and state = 'DRAFT'").param(runId)
                .query(Long.class).list();
    }

    List<Long> draftIds(long runId) {
        return jdbc.sql("select id from invoice where billing_run_id = ? and state = 'DRAFT' order by family_number, id")
                .param(runId).query(Long.class).list();
    }

    /** The drafts of a run with their lines, in family-number order: two queries, whatever their number. */
    List<InvoiceView> drafts(long runId) {
        Map<Long, List<InvoiceView.Line>> lines = new HashMap<>();
        jdbc.sql("""
                select l.invoice_id, l.child_name, l.activity_name, l.unit_label, l.quantity, l.late_cancelled, l.unit_price, l.bracket,
                    l.sibling_rank, l.amount
                from invoice_line l join invoice i on i.id = l.invoice_id
                where i.billing_run_id = ? and i.state = 'DRAFT' order by l.invoice_id, l.position
                """).param(runId).query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(line(rs, 1));
                });
        Map<Long, List<InvoiceView.Days>> days = new HashMap<>();
        jdbc.sql("""
                select d.invoice_id, d.child_name, d.activity_name, d.billed, d.not_billed
                from invoice_days d join invoice i on i.id = d.invoice_id
                where i.billing_run_id = ? and i.state = 'DRAFT' order by d.invoice_id, d.position
                """).param(runId).query(rs -> {
                    days.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(days(rs, 1));
                });
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.billing_run_id = ? and i.state = 'DRAFT' order by i.family_number, i.id")
                .param(runId).query((rs, n) -> view(rs, lines.getOrDefault(rs.getLong("id"), List.of()), List.of(),
                        days.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** A published invoice to store: its number, dates and PDF. */
    record Publication(long invoiceId, String number, LocalDate issuedOn, LocalDate dueOn, byte[] pdf) {}

    /** Stores many publications in one round trip; each draft must still be a draft. */
    void publishAll(List<Publication> publications) {
        int[] updated = batch.batchUpdate(PUBLISH, publications, publications.size(), (ps, p) -> {
            ps.setString(1, p.number());
            ps.setObject(2, p.issuedOn());
            ps.setObject(3, p.dueOn());
            ps.setBytes(4, p.pdf());
            ps.setLong(5, p.invoiceId());
        })[0];
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw new IllegalStateException("la facture " + publications.get(i).invoiceId() + " n'est plus un brouillon");
            }
        }
    }

    void publish(long invoiceId, String number, LocalDate issuedOn, LocalDate dueOn, byte[] pdf) {
        int updated = jdbc.sql(PUBLISH).params(number, issuedOn, dueOn, pdf, invoiceId).update();
        if (updated != 1) {
            throw new IllegalStateException("la facture " + invoiceId + " n'est plus un brouillon");
        }
    }

    int discardDrafts(long runId) {
        return jdbc.sql("delete from invoice where billing_run_id = ? and state = 'DRAFT'").param(runId).update();
    }

    /**
     * Takes the next invoices of the run whose family is not told yet, locked until the caller's
     * transaction ends: a second attempt of the same step (the job taken again after its lock time)
     * waits for this batch to commit, and then no longer sees it.
     */
    List<InvoiceView> claimUnnotified(long runId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.id in (select id from invoice where billing_run_id = ?"
                + " and state in ('PENDING', 'PAID') and notified_at is null order by id limit ? for update) order by i.id")
                .params(runId, limit).query(this::view).list();
    }

    int countUnnotified(long runId) {
        return jdbc.sql("select count(*) from invoice where billing_run_id = ? and state in ('PENDING', 'PAID')"
                + " and notified_at is null").param(runId).query(Integer.class).single();
    }

    void markNotified(List<Long> invoiceIds, Instant at) {
        batch.batchUpdate("update invoice set notified_at = ? where id = ? and notified_at is null",
                invoiceIds.stream().map(id -> new Object[] {Timestamp.from(at), id}).toList());
    }

    Optional<InvoiceView> find(long invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.id = ?").param(invoiceId).query(this::view).optional();
    }

    Optional<InvoiceView> findByNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.number = ?").param(number).query(this::view).optional();
    }

    /** The family's published invoices (never drafts), newest first. */
    List<InvoiceView> ofFamily(long familyFileId, List<InvoiceState> states) {
        String in = String.join(",", states.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.family_file_id = ? and i.state in (" + in
                + ") order by i.month desc, i.id desc").param(familyFileId).query(this::view).list();
    }

    /** The stored PDF of a published invoice of this family; empty for another family's invoice. */
    Optional<byte[]> pdf(long invoiceId, long familyFileId) {
        return jdbc.sql("select pdf from invoice where id = ? and family_file_id = ? and state <> 'DRAFT' and pdf is not null")
                .params(invoiceId, familyFileId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    long pendingCount(long familyFileId) {
        return jdbc.sql("select count(*) from invoice where family_file_id = ? and state = 'PENDING'").param(familyFileId)
                .query(Long.class).single();
    }

    BigDecimal pendingTotal(long familyFileId) {
        return jdbc.sql("""
                select coalesce(sum(total - paid_amount), 0) from invoice where family_file_id = ? and state = 'PENDING'
                """).param(familyFileId).query(BigDecimal.class).single();
    }

    /**
     * Records what part of a payment settles an invoice; the invoice is paid once fully settled, and
     * then {@link InvoicePaid} is published in the caller's transaction.
     */
    void settle(long invoiceId, Long deskPaymentId, String mode, BigDecimal amount, Instant at) {
        jdbc.sql("insert into invoice_payment (invoice_id, desk_payment_id, mode, amount, paid_at) values (?, ?, ?, ?, ?)")
                .params(invoiceId, deskPaymentId, mode, amount, Timestamp.from(at)).update();
        jdbc.sql("""
                update invoice set paid_amount = paid_amount + ?,
                    state = case when paid_amount + ? >= total then 'PAID' else state end,
                    paid_at = case when paid_amount + ? >= total then ? else paid_at end
                where id = ? and state = 'PENDING' returning state, family_file_id, number
                """).params(amount, amount, amount, Timestamp.from(at), invoiceId).query(rs -> {
                    if ("PAID".equals(rs.getString(1))) {
                        events.publishEvent(new InvoicePaid(invoiceId, rs.getLong(2), rs.getString(3)));
                    }
                });
    }

    /** Withdraws the invoice's last direct-debit payment (the bank rejected it): the invoice waits for payment again. */
    boolean reverseDirectDebit(long invoiceId) {
        return jdbc.sql("""
                with removed as (
                    delete from invoice_payment where id = (select id from invoice_payment where invoice_id = :invoice and mode = 'PRELEVEMENT'
                        order by id desc limit 1) returning amount)
                update invoice set paid_amount = paid_amount - removed.amount, state = 'PENDING', paid_at = null
                from removed where invoice.id = :invoice and invoice.state in ('PAID', 'PENDING')""")
                .param("invoice", invoiceId).update() > 0;
    }

    /** The month each of these invoices bills (one statement, however many). */
    Map<Long, java.time.YearMonth> monthsOf(java.util.Collection<Long> invoiceIds) {
        Map<Long, java.time.YearMonth> months = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            jdbc.sql("select id, month from invoice where id = any (?)").param(invoiceIds.toArray(Long[]::new))
                    .query(rs -> {
                        months.put(rs.getLong(1), java.time.YearMonth.parse(rs.getString(2)));
                    });
        }
        return months;
    }

    /** Those of the invoices that are still pending, without their lines and payments (pages listing many). */
    List<InvoiceView> pendingAmong(java.util.Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.state = 'PENDING' and i.id = any (?)")
                .param(invoiceIds.toArray(Long[]::new)).query((rs, n) -> view(rs, List.of(), List.of(), List.of())).list();
    }

    Map<Long, List<String>> activitiesOf(java.util.Collection<Long> invoiceIds) {
        Map<Long, List<String>> names = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            jdbc.sql("select invoice_id, activity_name from invoice_line where invoice_id = any (?) order by invoice_id, position")
                    .param(invoiceIds.toArray(Long[]::new)).query(rs -> {
                        List<String> of = names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                        if (!of.contains(rs.getString(2))) {
                            of.add(rs.getString(2));
                        }
                    });
        }
        return names;
    }

    /** The invoice if it still waits for payment, its row locked until the caller's transaction ends. */
    Optional<InvoiceView> lockIfPending(long invoiceId) {
        List<Long> locked = jdbc.sql("select id from invoice where id = ? and state = 'PENDING' for update").param(invoiceId)
                .query(Long.class).list();
        return locked.isEmpty() ? Optional.empty() : find(invoiceId);
    }

    private InvoiceView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return view(rs, lines(id), payments(id), days(id));
    }

    private InvoiceView view(ResultSet rs, List<InvoiceView.Line> lines, List<InvoiceView.Payment> payments,
            List<InvoiceView.Days> days) throws SQLException {
        long id = rs.getLong("id");
        Integer quotient = rs.getObject("quotient") == null ? null : rs.getInt("quotient");
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new InvoiceView(id, rs.getLong("family_file_id"), rs.getString("family_number"), rs.getString("family_name"),
                rs.getString("month"), rs.getString("number"), InvoiceState.valueOf(rs.getString("state")), quotient,
                rs.getString("quotient_note"), rs.getBigDecimal("total"), rs.getBigDecimal("paid_amount"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                paidAt == null ? null : paidAt.toInstant(), rs.getInt("pdf_size"), lines, payments, days);
    }

    private List<InvoiceView.Line> lines(long invoiceId) {
        return jdbc.sql("""
                select child_name, activity_name, unit_label, quantity, late_cancelled, unit_price, bracket, sibling_rank, amount
                from invoice_line where invoice_id = ? order by position
                """).param(invoiceId).query((rs, n) -> line(rs, 0)).list();
    }

    /** A line from its nine columns, after {@code skip} leading ones. */
    private static InvoiceView.Line line(ResultSet rs, int skip) throws SQLException {
        return new InvoiceView.Line(rs.getString(skip + 1), rs.getString(skip + 2), rs.getString(skip + 3), rs.getInt(skip + 4),
                rs.getInt(skip + 5), rs.getBigDecimal(skip + 6), rs.getString(skip + 7), rs.getInt(skip + 8), rs.getBigDecimal(skip + 9));
    }

    private List<InvoiceView.Days> days(long invoiceId) {
        return jdbc.sql("select child_name, activity_name, billed, not_billed from invoice_days where invoice_id = ? order by position")
                .param(invoiceId).query((rs, n) -> days(rs, 0)).list();
    }

    private static InvoiceView.Days days(ResultSet rs, int skip) throws SQLException {
        return new InvoiceView.Days(rs.getString(skip + 1), rs.getString(skip + 2), rs.getString(skip + 3), rs.getString(skip + 4));
    }

    /** A day list fits its column (a month has at most 31 days: never reached in practice). */
    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private List<InvoiceView.Payment> payments(long invoiceId) {
        return jdbc.sql("select mode, amount, paid_at from invoice_payment where invoice_id = ? order by paid_at, id")
                .param(invoiceId).query((rs, n) -> new InvoiceView.Payment(rs.getString(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
