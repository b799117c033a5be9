package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What finances check before publishing a run: each family's invoice of the run beside its invoice
 * of the month before, with the anomalies worth a look — a family billed 0, a family billed the
 * month before and not this month, a total far from the previous month's, no quotient familial.
 */
@Component
class RunReview {

    /** A total is « far » from the previous month's when it differs by at least half of it and at least this much. */
    static final BigDecimal FAR_AMOUNT = new BigDecimal("20.00");

    /** One family of the run (or of the month before, when the run did not bill it). */
    record FamilyLine(long familyFileId, String familyNumber, String familyName, String invoiceNumber, BigDecimal total,
            BigDecimal previousTotal, boolean withoutQuotient, String anomaly) {

        public String totalText() {
            return total == null ? "–" : Euros.of(total);
        }

        public String previousText() {
            return previousTotal == null ? "–" : Euros.of(previousTotal);
        }

        public boolean hasAnomaly() {
            return anomaly != null;
        }
    }

    /**
     * What a run corrects of earlier months: its credit notes (« avoirs », days billed too much on
     * invoices published before) and its invoices carrying a « régularisation » (days billed too
     * little), with the run's net amount (its invoices less its credit notes).
     */
    record Adjustments(int creditNotes, BigDecimal credited, int regularisedInvoices, BigDecimal billedAgain, BigDecimal net) {

        public String creditNotesText() {
            return creditNotes == 0 ? "aucun" : creditNotes + " avoir(s), " + Euros.of(credited);
        }

        public String regularisationsText() {
            return regularisedInvoices == 0 ? "aucune" : regularisedInvoices + " facture(s) avec régularisation, " + Euros.of(billedAgain);
        }

        public String netText() {
            return Euros.of(net);
        }
    }

    private final JdbcClient jdbc;

    RunReview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's families, anomalies first, then by name. */
    List<FamilyLine> lines(long runId, YearMonth month) {
        List<FamilyLine> lines = jdbc.sql("""
                with current_run as (
                    select family_file_id, family_number, family_name, number, total, quotient from invoice
                    where billing_run_id = ? and state <> 'CANCELLED'),
                previous_month as (
                    select family_file_id, family_number, family_name, total from invoice
                    where month = ? and state in ('PENDING', 'PAID'))
                select coalesce(c.family_file_id, p.family_file_id) as family_file_id,
                       coalesce(c.family_number, p.family_number) as family_number,
                       coalesce(c.family_name, p.family_name) as family_name,
                       c.number, c.total, c.family_file_id is not null and c.quotient is null as without_quotient,
                       p.total as previous_total
                from current_run c full join previous_month p on p.family_file_id = c.family_file_id""")
                .params(runId, month.minusMonths(1).toString())
                .query((rs, n) -> {
                    BigDecimal total = rs.getBigDecimal("total");
                    BigDecimal previous = rs.getBigDecimal("previous_total");
                    boolean withoutQuotient = rs.getBoolean("without_quotient");
                    return new FamilyLine(rs.getLong("family_file_id"), rs.getString("family_number"), rs.getString("family_name"),
                            rs.getString("number"), total, previous, withoutQuotient, anomaly(total, previous, withoutQuotient));
                }).list();
        return lines.stream().sorted(Comparator.comparing((FamilyLine l) -> !l.hasAnomaly())
                .thenComparing(FamilyLine::familyName).thenComparing(FamilyLine::familyNumber)).toList();
    }

    /** The run's credit notes and regularisations (drafts under review, issued once published), and its net amount. */
    Adjustments adjustments(long runId, BigDecimal amount) {
        return jdbc.sql("""
                select (select count(*) from credit_note where billing_run_id = :run) as credit_notes,
                       (select coalesce(sum(amount), 0) from credit_note where billing_run_id = :run) as credited,
                       count(distinct c.invoice_id) as regularised, coalesce(sum(c.amount), 0) as billed_again
                from invoice_correction c join invoice i on i.id = c.invoice_id
                where i.billing_run_id = :run and i.state <> 'CANCELLED'""")
                .param("run", runId)
                .query((rs, n) -> new Adjustments(rs.getInt("credit_notes"), rs.getBigDecimal("credited"), rs.getInt("regularised"),
                        rs.getBigDecimal("billed_again"), amount.subtract(rs.getBigDecimal("credited"))))
                .single();
    }

    static String anomaly(BigDecimal total, BigDecimal previous, boolean withoutQuotient) {
        if (total == null) {
            return "pas de facture ce mois-ci (facturée le mois précédent)";
        }
        if (total.signum() == 0) {
            return "facturée 0 €";
        }
        if (previous != null) {
            BigDecimal gap = total.subtract(previous).abs();
            if (gap.compareTo(FAR_AMOUNT) >= 0 && gap.multiply(BigDecimal.valueOf(2)).compareTo(previous) >= 0) {
                return (total.compareTo(previous) > 0 ? "en forte hausse" : "en forte baisse") + " sur le mois précédent";
            }
        }
        if (withoutQuotient) {
            return "sans quotient familial";
        }
        return null;
    }
}
