package fr.portailfamille.registration;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The registrations' part of the data export. */
@Component
class RegistrationExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    RegistrationExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "inscriptions";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inscriptions", FamilyDataSection.rows(jdbc, "select * from registration where family_file_id = ? order by id", familyFileId));
        return data;
    }
}
