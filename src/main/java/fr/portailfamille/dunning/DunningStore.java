package fr.portailfamille.dunning;

import fr.portailfamille.billing.PendingInvoice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables of the reminders ({@code dunning_case}, {@code dunning_instalment}, {@code dunning_reminder}), in plain SQL. */
@Component
class DunningStore {

    /** An invoice followed by the module. */
    record Case(long invoiceId, long familyFileId, String invoiceNumber, String businessKey, BigDecimal amount, LocalDate dueOn,
            String state, String processInstanceId, String decidedBy, Instant decidedAt, String writeOffReason) {}

    /** One instalment of a payment plan. */
    record Instalment(long id, long invoiceId, int position, LocalDate dueOn, BigDecimal amount, String state) {}

    /** One reminder sent. */
    record Reminder(long id, long invoiceId, String invoiceNumber, long familyFileId, String kind, Integer instalmentPosition,
            String channel, BigDecimal amountDue, Instant sentAt, String subject, String body) {

        /** « 1re relance », « 2e relance », « relance de l'échéance 2 ». */
        String label() {
            return switch (kind) {
                case "FIRST" -> "1re relance";
                case "SECOND" -> "2e relance";
                default -> "relance de l'échéance " + instalmentPosition;
            };
        }

        String channelLabel() {
            return "MAIL".equals(channel) ? "par courriel" : "par courrier";
        }
    }

    private static final String CASE = """
            select invoice_id, family_file_id, invoice_number, business_key, amount, due_on, state, process_instance_id,
                decided_by, decided_at, write_off_reason from dunning_case
            """;

    private final JdbcClient jdbc;
    /** Only for the batched insert of the cases to follow ({@code JdbcClient} has no batch). */
    private final JdbcTemplate batch;

    DunningStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    static String businessKey(String invoiceNumber) {
        return UnpaidInvoiceProcess.BUSINESS_KEY_PREFIX + invoiceNumber;
    }

    /** Records invoices to follow, in one round trip; an invoice already recorded is left as it is. */
    void insertCases(List<PendingInvoice> invoices) {
        batch.batchUpdate("""
                insert into dunning_case (invoice_id, family_file_id, invoice_number, business_key, amount, due_on)
                values (?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing
                """, invoices, 1000, (ps, i) -> {
            ps.setLong(1, i.id());
            ps.setLong(2, i.familyFileId());
            ps.setString(3, i.number());
            ps.setString(4, businessKey(i.number()));
            ps.setBigDecimal(5, i.amountDue());
            ps.setObject(6, i.dueOn());
        });
    }

    /**
     * An invoice paid then reopened (a direct debit rejected) is followed again: its case goes back to
     * « to start » with what is now due, or is recorded if it was never followed; false when it is
     * still followed (nothing to do).
     */
    boolean reopen(PendingInvoice invoice) {
        int reopened = jdbc.sql("""
                update dunning_case set state = 'TO_START', process_instance_id = null, started_at = null, closed_at = null,
                    amount = ?, due_on = ? where invoice_id = ? and state in ('PAID', 'WRITTEN_OFF')
                """).params(invoice.amountDue(), invoice.dueOn(), invoice.id()).update();
        if (reopened == 0 && find(invoice.id()).isEmpty()) {
            insertCases(List.of(invoice));
            return true;
        }
        return reopened == 1;
    }

    /** The next invoices whose process is not started yet, locked until the caller's transaction ends (other nodes skip them). */
    List<Case> claimToStart(int limit) {
        return jdbc.sql(CASE + " where state = 'TO_START' order by invoice_id limit ? for update skip locked").param(limit).query(this::toCase).list();
    }

    void markStarted(long invoiceId, String processInstanceId, Instant at) {
        jdbc.sql("update dunning_case set state = 'FOLLOWED', process_instance_id = ?, started_at = ? where invoice_id = ?")
                .params(processInstanceId, Timestamp.from(at), invoiceId).update();
    }

    /** The case in a final or new state ({@code PAID}, {@code HANDED_OVER}, {@code PLAN}, {@code WRITTEN_OFF}). */
    void setState(long invoiceId, String state, Instant at) {
        boolean closes = !"PLAN".equals(state);
        jdbc.sql("update dunning_case set state = ?, closed_at = " + (closes ? "?" : "closed_at") + " where invoice_id = ?")
                .params(closes ? new Object[] {state, Timestamp.from(at), invoiceId} : new Object[] {state, invoiceId}).update();
    }

    /**
     * The invoice no longer waits for payment (its {@code InvoicePaid}, or a locked check that found it
     * paid without the process being told): its case closed as paid and the instalments of its plan
     * settled. An invoice cancelled meanwhile is closed the same way: nothing is left to follow.
     */
    void markPaid(long invoiceId, Instant at) {
        jdbc.sql("update dunning_case set state = 'PAID', closed_at = ? where invoice_id = ? and state <> 'PAID'")
                .params(Timestamp.from(at), invoiceId).update();
        jdbc.sql("update dunning_instalment set state = 'PAID' where invoice_id = ? and state = 'PLANNED'").param(invoiceId).update();
    }

    void recordDecision(long invoiceId, String state, String decidedBy, Instant at, String writeOffReason) {
        setState(invoiceId, state, at);
        jdbc.sql("update dunning_case set decided_by = ?, decided_at = ?, write_off_reason = ? where invoice_id = ?")
                .params(decidedBy, Timestamp.from(at), writeOffReason, invoiceId).update();
    }

    Optional<Case> find(long invoiceId) {
        return jdbc.sql(CASE + " where invoice_id = ?").param(invoiceId).query(this::toCase).optional();
    }

    /** The family's followed invoices, newest first. */
    List<Case> ofFamily(long familyFileId) {
        return jdbc.sql(CASE + " where family_file_id = ? order by due_on desc, invoice_id desc").param(familyFileId).query(this::toCase).list();
    }

    /** Invoices still followed whose due date has passed (reminders running, a plan, or handed over), oldest debt first. */
    List<Case> lateOn(LocalDate day) {
        return jdbc.sql(CASE + " where state in ('FOLLOWED', 'PLAN', 'HANDED_OVER') and due_on < ? order by due_on, invoice_id")
                .param(day).query(this::toCase).list();
    }

    /** Invoices handed over to the Treasury, most recent decision first. */
    List<Case> handedOver() {
        return jdbc.sql(CASE + " where state = 'HANDED_OVER' order by decided_at desc, invoice_id").query(this::toCase).list();
    }

    /** Records a reminder once: {@code false} when this one was already recorded. */
    boolean recordReminder(long invoiceId, String kind, Long instalmentId, String channel, BigDecimal amountDue, Instant at,
            ReminderText text) {
        return jdbc.sql("""
                insert into dunning_reminder (invoice_id, kind, instalment_id, channel, amount_due, sent_at, subject, body)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(invoiceId, kind, instalmentId, channel, amountDue, Timestamp.from(at), text.subject(),
                String.join("\n", text.paragraphs())).update() == 1;
    }

    private static final String REMINDER = """
            select r.id, r.invoice_id, c.invoice_number, c.family_file_id, r.kind, i.position, r.channel, r.amount_due, r.sent_at,
                r.subject, r.body
            from dunning_reminder r join dunning_case c on c.invoice_id = r.invoice_id
            left join dunning_instalment i on i.id = r.instalment_id
            """;

    List<Reminder> remindersOfFamily(long familyFileId) {
        return jdbc.sql(REMINDER + " where c.family_file_id = ? order by r.sent_at, r.id").param(familyFileId).query(this::toReminder).list();
    }

    List<Reminder> remindersOf(long invoiceId) {
        return jdbc.sql(REMINDER + " where r.invoice_id = ? order by r.sent_at, r.id").param(invoiceId).query(this::toReminder).list();
    }

    List<Reminder> remindersOf(Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REMINDER + " where r.invoice_id = any (?) order by r.sent_at, r.id")
                .param(invoiceIds.toArray(Long[]::new)).query(this::toReminder).list();
    }

    /** The letters (families without e-mail) sent in [from, to[, in invoice order. */
    List<Reminder> lettersBetween(Instant from, Instant to) {
        return jdbc.sql(REMINDER + " where r.channel = 'LETTER' and r.sent_at >= ? and r.sent_at < ? order by c.invoice_number, r.id")
                .params(Timestamp.from(from), Timestamp.from(to)).query(this::toReminder).list();
    }

    /** A line of « Facturation » about an invoice: a reminder sent or an instalment of its plan. */
    record FollowUpLine(long invoiceId, boolean reminder, String kind, Integer position, String channel, Instant sentAt,
            LocalDate dueOn, BigDecimal amount, String state) {}

    /** The family's reminders (oldest first) then its instalments (by invoice and position), in one statement (a family page). */
    List<FollowUpLine> followUpLines(long familyFileId) {
        return jdbc.sql("""
                select r.invoice_id, true as reminder, r.kind, i.position, r.channel, r.sent_at, null::date as due_on,
                    null::numeric as amount, null as state, 0 as rank
                from dunning_reminder r join dunning_case c on c.invoice_id = r.invoice_id
                left join dunning_instalment i on i.id = r.instalment_id where c.family_file_id = ?
                union all
                select i.invoice_id, false, null, i.position, null, null, i.due_on, i.amount, i.state, 1
                from dunning_instalment i join dunning_case c on c.invoice_id = i.invoice_id where c.family_file_id = ?
                order by rank, sent_at, invoice_id, position
                """).params(familyFileId, familyFileId).query((rs, n) -> {
            Timestamp sent = rs.getTimestamp("sent_at");
            return new FollowUpLine(rs.getLong("invoice_id"), rs.getBoolean("reminder"), rs.getString("kind"),
                    rs.getObject("position") == null ? null : rs.getInt("position"), rs.getString("channel"),
                    sent == null ? null : sent.toInstant(), rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("amount"),
                    rs.getString("state"));
        }).list();
    }

    void insertInstalments(long invoiceId, List<PaymentPlan.Instalment> instalments) {
        jdbc.sql("delete from dunning_instalment where invoice_id = ? and state = 'PLANNED'").param(invoiceId).update();
        Integer last = jdbc.sql("select coalesce(max(position), 0) from dunning_instalment where invoice_id = ?").param(invoiceId)
                .query(Integer.class).single();
        int position = last == null ? 0 : last;
        for (PaymentPlan.Instalment instalment : instalments) {
            jdbc.sql("insert into dunning_instalment (invoice_id, position, due_on, amount) values (?, ?, ?, ?)")
                    .params(invoiceId, ++position, instalment.dueOn(), instalment.amount()).update();
        }
    }

    List<Instalment> instalments(long invoiceId) {
        return jdbc.sql("select id, invoice_id, position, due_on, amount, state from dunning_instalment where invoice_id = ? order by position")
                .param(invoiceId).query(this::toInstalment).list();
    }

    List<Instalment> instalmentsOfFamily(long familyFileId) {
        return jdbc.sql("""
                select i.id, i.invoice_id, i.position, i.due_on, i.amount, i.state from dunning_instalment i
                join dunning_case c on c.invoice_id = i.invoice_id where c.family_file_id = ? order by i.invoice_id, i.position
                """).param(familyFileId).query(this::toInstalment).list();
    }

    void setInstalmentState(long instalmentId, String state) {
        jdbc.sql("update dunning_instalment set state = ? where id = ?").params(state, instalmentId).update();
    }

    private Instalment toInstalment(ResultSet rs, int row) throws SQLException {
        return new Instalment(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                rs.getString(6));
    }

    private Case toCase(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Case(rs.getLong("invoice_id"), rs.getLong("family_file_id"), rs.getString("invoice_number"),
                rs.getString("business_key"), rs.getBigDecimal("amount"), rs.getObject("due_on", LocalDate.class), rs.getString("state"),
                rs.getString("process_instance_id"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("write_off_reason"));
    }

    private Reminder toReminder(ResultSet rs, int row) throws SQLException {
        return new Reminder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7), rs.getBigDecimal(8), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11));
    }
}
