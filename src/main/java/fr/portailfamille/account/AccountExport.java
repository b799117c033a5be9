package fr.portailfamille.account;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The portal account's part of the data export (never the password hash nor the link tokens). */
@Component
class AccountExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    AccountExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "compte";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("compte", FamilyDataSection.rows(jdbc, """
                select a.username, a.email, a.status, a.civility, a.last_name, a.first_name, a.phone, a.created_at, a.activated_at
                from portal_account a join family_file f on f.account_id = a.id where f.id = ?""", familyFileId));
        return data;
    }
}
