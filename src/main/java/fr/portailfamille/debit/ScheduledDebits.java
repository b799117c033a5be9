package fr.portailfamille.debit;

import fr.portailfamille.billing.InvoiceCollections;
import fr.portailfamille.billing.InvoiceFollowUps;
import fr.portailfamille.dunning.DirectDebits;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other modules ask of the planned debits (read only, from this module's tables: no
 * service of billing in between, which asks these questions itself): the debit day of invoices in
 * a batch for billing (not offered for payment by card; the pre-notice of the invoice mail), the
 * lines of « Facturation » (« Sera prélevée le … », a rejected debit and its reason), and the day
 * after which the reminders of an invoice may go (dunning).
 */
@Component
@Transactional(readOnly = true)
class ScheduledDebits implements InvoiceCollections, InvoiceFollowUps, DirectDebits {

    private final JdbcClient jdbc;

    ScheduledDebits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, LocalDate> debitDays(Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.sql("""
                        select t.invoice_id, b.collection_date from debit_transaction t join debit_batch b on b.id = t.batch_id
                        where t.state in ('PREVU', 'TRANSMIS') and t.invoice_id = any (?)""")
                .param(invoiceIds.toArray(Long[]::new))
                .query(rs -> {
                    days.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
        return days;
    }

    /** Reminders of an invoice in a batch wait for the day after its debit. */
    @Override
    public Optional<LocalDate> debitDateOf(long invoiceId) {
        return Optional.ofNullable(debitDays(List.of(invoiceId)).get(invoiceId));
    }

    /** For « Facturation »: the debit day of each invoice in a batch, and a rejected debit with its reason. */
    @Override
    public Map<Long, List<String>> linesOf(long familyFileId) {
        Map<Long, List<String>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.invoice_id, t.state, b.collection_date, m.iban, t.reject_reason from debit_transaction t
                        join debit_batch b on b.id = t.batch_id left join debit_mandate m on m.id = t.mandate_id
                        where t.family_file_id = ? and t.state in ('PREVU', 'TRANSMIS', 'REJETE') order by t.id""")
                .param(familyFileId)
                .query(rs -> {
                    String day = PortalTime.DATE.format(rs.getDate(3).toLocalDate());
                    String account = rs.getString(4) == null ? "" : " sur le compte " + SepaAccounts.masked(rs.getString(4));
                    String text = switch (rs.getString(2)) {
                        case "REJETE" -> "Prélèvement du " + day + " rejeté par votre banque (" + rs.getString(5)
                                + ") : la facture est à payer en ligne ou au guichet.";
                        default -> "Sera prélevée le " + day + account
                                + " (mandat de prélèvement) : elle ne peut pas être payée par carte en attendant.";
                    };
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(text);
                });
        return lines;
    }
}
