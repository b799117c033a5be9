package fr.portailfamille.billing;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.export.Spreadsheet;
import fr.portailfamille.system.export.MonthlyTownExport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The finances' spreadsheets of a month: the published invoices, and the payments received (desk and online). */
final class InvoicesExport {

    private InvoicesExport() {}

    /** « Factures » of a month: every published invoice (drafts never), cancelled ones included with their state. */
    @Component
    static class Invoices extends MonthlyTownExport {

        private final JdbcClient jdbc;

        Invoices(JdbcClient jdbc) {
            super(StaffGroup.FINANCES.id());
            this.jdbc = jdbc;
        }

        @Override
        public String key() {
            return "factures";
        }

        @Override
        public String title() {
            return "Factures du mois";
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public Spreadsheet rows(Request request) {
            List<List<Object>> rows = new ArrayList<>();
            jdbc.sql("""
                    select number, family_number, family_name, state, quotient, total, paid_amount, issued_on, due_on
                    from invoice where month = ? and state <> 'DRAFT' order by number, id""").param(request.month().toString()).query(rs -> {
                rows.add(java.util.Arrays.asList(rs.getString("number"), rs.getString("family_number"), rs.getString("family_name"),
                        InvoiceState.valueOf(rs.getString("state")).label(), rs.getObject("quotient"), rs.getBigDecimal("total"),
                        rs.getBigDecimal("paid_amount"), rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class)));
            });
            return new Spreadsheet(List.of("Facture", "Dossier", "Famille", "État", "Quotient familial", "Montant (€)", "Payé (€)",
                    "Émise le", "Échéance"), rows);
        }
    }

    /** « Paiements » received in a month, each with the invoice it settled. */
    @Component
    static class Payments extends MonthlyTownExport {

        private final JdbcClient jdbc;

        Payments(JdbcClient jdbc) {
            super(StaffGroup.FINANCES.id());
            this.jdbc = jdbc;
        }

        @Override
        public String key() {
            return "paiements";
        }

        @Override
        public String title() {
            return "Paiements reçus dans le mois";
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public Spreadsheet rows(Request request) {
            List<List<Object>> rows = new ArrayList<>();
            java.time.ZonedDateTime from = request.month().atDay(1).atStartOfDay(fr.portailfamille.system.PortalTime.ZONE);
            jdbc.sql("""
                    select p.paid_at, p.mode, p.amount, i.number, i.family_number, i.family_name, d.recorded_by
                    from invoice_payment p join invoice i on i.id = p.invoice_id left join desk_payment d on d.id = p.desk_payment_id
                    where p.paid_at >= ? and p.paid_at < ? order by p.paid_at, p.id""")
                    .params(java.sql.Timestamp.from(from.toInstant()), java.sql.Timestamp.from(from.plusMonths(1).toInstant()))
                    .query(rs -> {
                rows.add(java.util.Arrays.asList(rs.getTimestamp("paid_at").toInstant(),
                        new InvoiceView.Payment(rs.getString("mode"), rs.getBigDecimal("amount"), null).modeLabel(),
                        rs.getBigDecimal("amount"), rs.getString("number"), rs.getString("family_number"), rs.getString("family_name"),
                        rs.getString("recorded_by")));
            });
            return new Spreadsheet(List.of("Reçu le", "Mode", "Montant (€)", "Facture", "Dossier", "Famille", "Enregistré par"), rows);
        }
    }
}
