package fr.portailfamille.planning;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bookings' part of the data export (the calendar feed's token is a secret: not exported). */
@Component
class PlanningExport extends FamilyDataSection {

    PlanningExport(JdbcClient jdbc) {
        super(jdbc, "planning", 60,
                new Query("reservations", "select * from booking where family_file_id = ? order by day, child_id, id"));
    }
}
