package fr.portailfamille.account;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The portal account's part of the data export (never the password hash nor the link tokens). */
@Component
class AccountExport extends FamilyDataSection {

    AccountExport(JdbcClient jdbc) {
        super(jdbc, "compte", 30,
                new Query("compte", """
                select a.username, a.email, a.status, a.civility, a.last_name, a.first_name, a.phone, a.created_at, a.activated_at
                from portal_account a join family_file f on f.account_id = a.id where f.id = ?"""));
    }
}
