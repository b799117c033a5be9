package fr.portailfamille.payment;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The online payments' part of the data export. */
@Component
class PaymentExport extends FamilyDataSection {

    PaymentExport(JdbcClient jdbc) {
        super(jdbc, "paiements", 80,
                new Query("paiements", "select * from payment where family_file_id = ? order by id"),
                new Query("facturesPayees", """
                select pi.* from payment_invoice pi join payment p on p.id = pi.payment_id where p.family_file_id = ? order by pi.id"""));
    }
}
