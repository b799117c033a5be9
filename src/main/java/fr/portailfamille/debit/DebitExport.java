package fr.portailfamille.debit;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The direct debits' part of the data export: each mandate and its history, and each debit of the
 * family's invoices (its day, state and the bank's reject reason); the IBANs masked but their last
 * four characters, as on every page.
 */
@Component
class DebitExport extends FamilyDataSection {

    DebitExport(JdbcClient jdbc) {
        super(jdbc, "prelevement", 76,
                new Query("mandats", """
                        select rum, holder as titulaire, repeat('*', length(iban) - 4) || right(iban, 4) as iban, bic,
                               repeat('*', length(original_iban) - 4) || right(original_iban, 4) as iban_avant_modification,
                               signed_on as date_signature, channel as signature, state as etat, created_at as enregistre_le,
                               closed_at as revoque_le, rejects as rejets
                        from debit_mandate where family_file_id = ? order by id"""),
                new Query("historique_mandats", """
                        select m.rum, e.kind as evenement, e.at as date, e.by_whom as par, e.detail from debit_mandate_event e
                        join debit_mandate m on m.id = e.mandate_id where m.family_file_id = ? order by e.at, e.id"""),
                new Query("prelevements", """
                        select t.end_to_end_id as reference, t.invoice_number as facture, t.amount as montant, b.collection_date as date_prelevement,
                               t.state as etat, t.reject_code as code_rejet, t.reject_reason as motif_rejet, t.rejected_at as rejete_le
                        from debit_transaction t join debit_batch b on b.id = t.batch_id where t.family_file_id = ? order by t.id"""));
    }
}
