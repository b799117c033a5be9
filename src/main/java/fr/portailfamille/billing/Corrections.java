package fr.portailfamille.billing;

import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance corrected after an invoice was published (a sheet corrected after closing, an absence
 * accepted late): the invoice is never changed. A run re-prices the months of the last year whose
 * attendance changed after their invoice was published, child by child and activity by activity,
 * against what was billed and already corrected: what was billed too much becomes a credit note
 * (« avoir », numbered {@code AV-2026-000001} at publication, with its PDF), what was billed too
 * little a line « régularisation » of the family's invoice of the month being billed.
 */
@Component
class Corrections {

    /** How far back a run looks for corrected months. */
    static final int MONTHS_BACK = 12;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", PortalTime.FRENCH);

    /** What a run corrected. */
    record Totals(int creditNotes, BigDecimal credited, int lines, BigDecimal billedAgain) {}

    /** A credit note as its PDF shows it. */
    record CreditNoteView(long id, long familyFileId, String familyNumber, String familyName, String number, BigDecimal amount,
            LocalDate issuedOn, String invoiceNumber, String invoiceMonth, List<Part> parts) {

        public String amountText() {
            return fr.portailfamille.system.Euros.of(amount);
        }

        public String period() {
            return YearMonth.parse(invoiceMonth).format(MONTH);
        }
    }

    /** One child and activity credited: the amount and the days as re-priced. */
    record Part(String childName, String activityName, BigDecimal amount, String why) {

        public String amountText() {
            return fr.portailfamille.system.Euros.of(amount);
        }
    }

    private final JdbcClient jdbc;
    private final BillingSource source;
    private final InvoiceStore store;

    Corrections(JdbcClient jdbc, BillingSource source, InvoiceStore store) {
        this.jdbc = jdbc;
        this.source = source;
        this.store = store;
    }

    /** Corrects the published invoices of the months before {@code month} whose attendance changed since; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Totals correct(long runId, YearMonth month, Pricing pricing) {
        int notes = 0;
        int lines = 0;
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal billedAgain = BigDecimal.ZERO;
        for (YearMonth earlier = month.minusMonths(MONTHS_BACK); earlier.isBefore(month); earlier = earlier.plusMonths(1)) {
            Map<Long, Instant> changes = source.attendanceChanges(earlier);
            if (changes.isEmpty()) {
                continue;
            }
            Map<Long, long[]> invoices = new LinkedHashMap<>();
            YearMonth corrected = earlier;
            jdbc.sql("""
                    select id, family_file_id, published_at from invoice
                    where month = ? and state in ('PENDING', 'PAID') and published_at is not null order by family_file_id
                    """).param(corrected.toString()).query(rs -> {
                Instant changed = changes.get(rs.getLong(2));
                if (changed != null && changed.isAfter(rs.getTimestamp(3).toInstant())) {
                    invoices.put(rs.getLong(2), new long[] {rs.getLong(1)});
                }
            });
            if (invoices.isEmpty()) {
                continue;
            }
            for (BillingSource.FamilyMonth family : source.monthsOf(List.copyOf(invoices.keySet()), corrected)) {
                Pricing.Result priced = pricing.price(family.input());
                long invoiceId = invoices.get(family.familyFileId())[0];
                Outcome outcome = correct(runId, month, corrected, family, invoiceId, priced);
                if (outcome.credited().signum() > 0) {
                    notes++;
                    credited = credited.add(outcome.credited());
                }
                if (outcome.billedAgain().signum() > 0) {
                    lines += outcome.lines();
                    billedAgain = billedAgain.add(outcome.billedAgain());
                }
            }
        }
        return new Totals(notes, credited, lines, billedAgain);
    }

    private record Key(long childId, long activityId) {}

    private record Outcome(BigDecimal credited, BigDecimal billedAgain, int lines) {}

    private Outcome correct(long runId, YearMonth month, YearMonth corrected, BillingSource.FamilyMonth family, long invoiceId,
            Pricing.Result priced) {
        // what stands billed: the invoice's own lines (not the regularisations of other months it carries), plus the corrections made since
        Map<Key, BigDecimal> billed = new HashMap<>();
        Map<Key, String[]> names = new HashMap<>();
        jdbc.sql("""
                select l.child_id, l.activity_id, l.child_name, l.activity_name, l.amount from invoice_line l
                where l.invoice_id = ? and l.unit_label <> 'régularisation'
                """).param(invoiceId).query(rs -> {
            Key key = new Key(rs.getLong(1), rs.getLong(2));
            billed.merge(key, rs.getBigDecimal(5), BigDecimal::add);
            names.putIfAbsent(key, new String[] {rs.getString(3), rs.getString(4)});
        });
        jdbc.sql("select child_id, activity_id, amount from invoice_correction where corrected_invoice_id = ?").param(invoiceId)
                .query(rs -> {
                    billed.merge(new Key(rs.getLong(1), rs.getLong(2)), rs.getBigDecimal(3), BigDecimal::add);
                });
        Map<Key, BigDecimal> now = new LinkedHashMap<>();
        Map<Key, Pricing.Line> lineOf = new HashMap<>();
        for (Pricing.Line line : priced.lines()) {
            Key key = new Key(line.childId(), line.activityId());
            now.merge(key, line.amount(), BigDecimal::add);
            lineOf.putIfAbsent(key, line);
            names.putIfAbsent(key, new String[] {line.childName(), line.activityName()});
        }
        billed.keySet().forEach(k -> now.putIfAbsent(k, BigDecimal.ZERO));

        List<Object[]> credits = new ArrayList<>();
        List<Object[]> extra = new ArrayList<>();
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal billedAgain = BigDecimal.ZERO;
        for (Map.Entry<Key, BigDecimal> e : now.entrySet()) {
            Key key = e.getKey();
            BigDecimal diff = e.getValue().subtract(billed.getOrDefault(key, BigDecimal.ZERO)).setScale(2, RoundingMode.HALF_UP);
            if (diff.signum() == 0) {
                continue;
            }
            String[] name = names.get(key);
            String why = why(priced, name[0], name[1]);
            Object[] row = {invoiceId, family.familyFileId(), key.childId(), key.activityId(), name[0], name[1], diff, why};
            if (diff.signum() < 0) {
                credits.add(row);
                credited = credited.add(diff.negate());
            } else if (lineOf.containsKey(key)) {
                extra.add(row);
                billedAgain = billedAgain.add(diff);
            }
        }
        if (!credits.isEmpty()) {
            long note = jdbc.sql("""
                    insert into credit_note (billing_run_id, family_file_id, family_number, family_name, invoice_id, state, amount)
                    values (?, ?, ?, ?, ?, 'DRAFT', ?) returning id
                    """).params(runId, family.familyFileId(), family.number(), family.name(), invoiceId, credited)
                    .query(Long.class).single();
            for (Object[] row : credits) {
                insertCorrection(row, note, null);
            }
        }
        int lines = 0;
        if (!extra.isEmpty()) {
            Long draft = draftFor(runId, family, month, priced);
            if (draft == null) {
                // the month being billed is already invoiced for this family: the next run bills the difference
                return new Outcome(credited, BigDecimal.ZERO, 0);
            }
            String number = jdbc.sql("select number from invoice where id = ?").param(invoiceId).query(String.class).single();
            for (Object[] row : extra) {
                Pricing.Line line = lineOf.get(new Key((Long) row[2], (Long) row[3]));
                BigDecimal diff = (BigDecimal) row[6];
                jdbc.sql("""
                        insert into invoice_line (invoice_id, position, child_id, child_name, child_birth_date, activity_id, activity_name,
                            childcare, unit_label, quantity, late_cancelled, unit_price, bracket, sibling_rank, amount)
                        select ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?, ?, 'régularisation', 1, 0, ?, ?, ?, ? from invoice_line
                        where invoice_id = ?
                        """).params(draft, line.childId(), line.childName(), line.childBirthDate(), line.activityId(),
                        line.activityName() + " – régularisation de " + corrected.format(MONTH), line.childcare(), diff,
                        "facture " + number, line.siblingRank(), diff, draft).update();
                jdbc.sql("update invoice set total = total + ? where id = ?").params(diff, draft).update();
                insertCorrection(row, null, draft);
                lines++;
            }
        }
        return new Outcome(credited, billedAgain, lines);
    }

    /** The family's draft of the run for the month billed, created when it has none; null when the month is already invoiced. */
    private Long draftFor(long runId, BillingSource.FamilyMonth family, YearMonth month, Pricing.Result corrected) {
        List<Long> ids = jdbc.sql("select id from invoice where family_file_id = ? and month = ? and state <> 'CANCELLED'"
                + " and (state <> 'DRAFT' or billing_run_id = ?)").params(family.familyFileId(), month.toString(), runId)
                .query(Long.class).list();
        if (!ids.isEmpty()) {
            Integer drafts = jdbc.sql("select count(*) from invoice where id = ? and state = 'DRAFT'").param(ids.get(0))
                    .query(Integer.class).single();
            return drafts == 1 ? ids.get(0) : null;
        }
        return store.insertDraft(runId, family.familyFileId(), family.number(), family.name(), month,
                new Pricing.Result(List.of(), BigDecimal.ZERO.setScale(2), corrected.quotient(), corrected.quotientNote(), List.of()));
    }

    private void insertCorrection(Object[] row, Long creditNoteId, Long invoiceId) {
        jdbc.sql("""
                insert into invoice_correction (corrected_invoice_id, family_file_id, child_id, activity_id, child_name, activity_name,
                    amount, why, credit_note_id, invoice_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], creditNoteId, invoiceId).update();
    }

    /** The days of the child and activity as re-priced: « facturés : … ; non facturés : … ». */
    private static String why(Pricing.Result priced, String childName, String activityName) {
        return priced.days().stream().filter(d -> d.childName().equals(childName) && d.activityName().equals(activityName))
                .findFirst()
                .map(d -> "jours facturés : " + (d.billed().isEmpty() ? "aucun" : d.billed()) + " ; jours non facturés : "
                        + (d.notBilled().isEmpty() ? "aucun" : d.notBilled()))
                .orElse("aucun jour facturé après correction");
    }

    /** The credit notes of the run still drafts, with their parts. */
    List<CreditNoteView> drafts(long runId) {
        return views("n.billing_run_id = ? and n.state = 'DRAFT'", runId);
    }

    List<CreditNoteView> ofFamily(long familyFileId) {
        return views("n.family_file_id = ? and n.state = 'ISSUED'", familyFileId);
    }

    private List<CreditNoteView> views(String where, Object arg) {
        Map<Long, List<Part>> parts = new HashMap<>();
        jdbc.sql("select c.credit_note_id, c.child_name, c.activity_name, -c.amount, c.why from invoice_correction c"
                + " join credit_note n on n.id = c.credit_note_id where " + where + " order by c.id").param(arg).query(rs -> {
            parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Part(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)));
        });
        return jdbc.sql("""
                select n.id, n.family_file_id, n.family_number, n.family_name, n.number, n.amount, n.issued_on, i.number, i.month
                from credit_note n join invoice i on i.id = n.invoice_id
                """ + " where " + where + " order by n.family_number, n.id").param(arg)
                .query((rs, i) -> new CreditNoteView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        parts.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    /**
     * Numbers and renders the run's credit notes, in the publishing transaction (gapless numbers of
     * their own, {@code AV-2026-000001}); each is deducted from what is left to pay on the invoice it
     * corrects, the rest kept as the family's credit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int issue(long runId, LocalDate today, Instant now, InvoicePdf pdf) {
        List<CreditNoteView> drafts = drafts(runId);
        if (drafts.isEmpty()) {
            return 0;
        }
        int year = today.getYear();
        jdbc.sql("insert into credit_note_counter (year, last_number) values (?, 0) on conflict (year) do nothing").param(year).update();
        int last = jdbc.sql("update credit_note_counter set last_number = last_number + ? where year = ? returning last_number")
                .params(drafts.size(), year).query(Integer.class).single();
        int first = last - drafts.size() + 1;
        for (int i = 0; i < drafts.size(); i++) {
            CreditNoteView draft = drafts.get(i);
            String number = format(year, first + i);
            CreditNoteView issued = new CreditNoteView(draft.id(), draft.familyFileId(), draft.familyNumber(), draft.familyName(), number,
                    draft.amount(), today, draft.invoiceNumber(), draft.invoiceMonth(), draft.parts());
            jdbc.sql("update credit_note set number = ?, state = 'ISSUED', issued_on = ?, pdf = ? where id = ? and state = 'DRAFT'")
                    .params(number, today, pdf.creditNote(issued), draft.id()).update();
            long invoiceId = jdbc.sql("select invoice_id from credit_note where id = ?").param(draft.id()).query(Long.class).single();
            BigDecimal due = jdbc.sql("select case when state = 'PENDING' then total - paid_amount else 0 end from invoice where id = ?")
                    .param(invoiceId).query(BigDecimal.class).single();
            BigDecimal deducted = due.min(draft.amount());
            if (deducted.signum() > 0) {
                store.settle(invoiceId, null, "AVOIR", deducted, now);
            }
            BigDecimal rest = draft.amount().subtract(deducted.max(BigDecimal.ZERO));
            if (rest.signum() > 0) {
                jdbc.sql("insert into credit (family_file_id, amount, reason, created_at) values (?, ?, ?, ?)")
                        .params(draft.familyFileId(), rest, "Avoir n° " + number + " (facture " + draft.invoiceNumber() + ")", Timestamp.from(now))
                        .update();
            }
        }
        return drafts.size();
    }

    /** The stored PDF of an issued credit note of this family; empty for another family's. */
    java.util.Optional<byte[]> pdf(long creditNoteId, long familyFileId) {
        return jdbc.sql("select pdf from credit_note where id = ? and family_file_id = ? and state = 'ISSUED'")
                .params(creditNoteId, familyFileId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    static String format(int year, int number) {
        return String.format("AV-%d-%06d", year, number);
    }
}
