package fr.portailfamille.apiparticulier;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The consent to API Particulier and every quotient read from it, in the family's data export. */
@Component
class ApiParticulierExport extends FamilyDataSection {

    ApiParticulierExport(JdbcClient jdbc) {
        super(jdbc, "quotientCaf", 32,
                new Query("accord", "select * from quotient_consent where family_file_id = ?"),
                new Query("lectures", """
                        select fetched_at, outcome, provider, value, reference_year, reference_month, applies_from, identity_source,
                            refresh_year
                        from quotient_fetch where family_file_id = ? order by fetched_at"""),
                new Query("actualisations", "select * from quotient_refresh_item where family_file_id = ? order by refresh_year"));
    }
}
