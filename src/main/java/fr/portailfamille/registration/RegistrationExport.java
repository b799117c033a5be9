package fr.portailfamille.registration;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registrations' part of the data export. */
@Component
class RegistrationExport extends FamilyDataSection {

    RegistrationExport(JdbcClient jdbc) {
        super(jdbc, "inscriptions", 50,
                new Query("inscriptions", "select * from registration where family_file_id = ? order by id"));
    }
}
