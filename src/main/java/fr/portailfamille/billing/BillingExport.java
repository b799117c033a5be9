package fr.portailfamille.billing;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The invoices' part of the data export (the PDF files stay downloadable from « Facturation »). */
@Component
class BillingExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    BillingExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "facturation";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("factures", FamilyDataSection.rows(jdbc, """
                select id, number, month, state, total, due_on, family_number, family_name
                from invoice where family_file_id = ? and state <> 'DRAFT' order by id""", familyFileId));
        data.put("lignesDeFacture", FamilyDataSection.rows(jdbc, """
                select l.* from invoice_line l join invoice i on i.id = l.invoice_id
                where i.family_file_id = ? and i.state <> 'DRAFT' order by l.invoice_id, l.position""", familyFileId));
        data.put("avoirs", FamilyDataSection.rows(jdbc, "select * from credit where family_file_id = ? order by id", familyFileId));
        return data;
    }
}
