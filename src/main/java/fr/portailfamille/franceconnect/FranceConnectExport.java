package fr.portailfamille.franceconnect;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The FranceConnect link in the family's data export: the identity claims kept while it lasts. */
@Component
class FranceConnectExport extends FamilyDataSection {

    FranceConnectExport(JdbcClient jdbc) {
        super(jdbc, "franceconnect", 31, new Query("liaison", """
                select l.given_name, l.family_name, l.birthdate, l.gender, l.birthplace, l.birthcountry, l.email, l.linked_at
                from franceconnect_link l join family_file f on f.account_id = l.account_id where f.id = ?"""));
    }
}
