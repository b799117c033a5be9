package fr.portailfamille.debit;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mandates' part of the data export: each mandate and its history, the IBANs masked but their last four characters. */
@Component
class DebitExport extends FamilyDataSection {

    DebitExport(JdbcClient jdbc) {
        super(jdbc, "prelevement", 76,
                new Query("mandats", """
                        select rum, holder as titulaire, repeat('*', length(iban) - 4) || right(iban, 4) as iban, bic,
                               signed_on as date_signature, channel as signature, state as etat, created_at as enregistre_le,
                               closed_at as revoque_le, rejects as rejets
                        from debit_mandate where family_file_id = ? order by id"""),
                new Query("historique_mandats", """
                        select m.rum, e.kind as evenement, e.at as date, e.by_whom as par, e.detail from debit_mandate_event e
                        join debit_mandate m on m.id = e.mandate_id where m.family_file_id = ? order by e.at, e.id"""));
    }
}
