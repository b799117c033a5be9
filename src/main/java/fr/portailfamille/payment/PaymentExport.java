package fr.portailfamille.payment;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The online payments' part of the data export. */
@Component
class PaymentExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    PaymentExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "paiements";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paiements", FamilyDataSection.rows(jdbc, "select * from payment where family_file_id = ? order by id", familyFileId));
        data.put("facturesPayees", FamilyDataSection.rows(jdbc, """
                select pi.* from payment_invoice pi join payment p on p.id = pi.payment_id where p.family_file_id = ? order by pi.id""", familyFileId));
        return data;
    }
}
