package fr.portailfamille.billing;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoices' part of the data export (the PDF files stay downloadable from « Facturation »). */
@Component
class BillingExport extends FamilyDataSection {

    BillingExport(JdbcClient jdbc) {
        super(jdbc, "facturation", 70,
                new Query("factures", """
                select id, number, month, state, total, due_on, family_number, family_name
                from invoice where family_file_id = ? and state <> 'DRAFT' order by id"""),
                new Query("lignesDeFacture", """
                select l.* from invoice_line l join invoice i on i.id = l.invoice_id
                where i.family_file_id = ? and i.state <> 'DRAFT' order by l.invoice_id, l.position"""),
                new Query("avoirs", "select * from credit where family_file_id = ? order by id"));
    }
}
