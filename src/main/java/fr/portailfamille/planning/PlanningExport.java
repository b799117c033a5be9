package fr.portailfamille.planning;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The bookings' part of the data export (the calendar feed's token is a secret: not exported). */
@Component
class PlanningExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    PlanningExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "planning";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reservations", FamilyDataSection.rows(jdbc, "select * from booking where family_file_id = ? order by day, child_id, id", familyFileId));
        return data;
    }
}
