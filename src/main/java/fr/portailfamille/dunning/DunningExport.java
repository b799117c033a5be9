package fr.portailfamille.dunning;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reminders' part of the family's data export: the invoices followed, the reminders sent, the instalments. */
@Component
class DunningExport extends FamilyDataSection {

    DunningExport(JdbcClient jdbc) {
        super(jdbc, "relances", 75,
                new Query("facturesSuivies", """
                select invoice_number, amount, due_on, state, decided_at, write_off_reason, created_at, closed_at
                from dunning_case where family_file_id = ? order by invoice_id"""),
                new Query("relances", """
                select c.invoice_number, r.kind, r.channel, r.amount_due, r.sent_at, r.subject, r.body
                from dunning_reminder r join dunning_case c on c.invoice_id = r.invoice_id where c.family_file_id = ? order by r.id"""),
                new Query("echeances", """
                select c.invoice_number, i.position, i.due_on, i.amount, i.state
                from dunning_instalment i join dunning_case c on c.invoice_id = i.invoice_id where c.family_file_id = ? order by i.id"""));
    }
}
