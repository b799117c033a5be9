package fr.portailfamille.account;

import fr.portailfamille.family.AccountLinkCandidates;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The family module's port: activated accounts that no family file claims yet (« continuer sans »). */
@Component
class UnlinkedAccounts implements AccountLinkCandidates {

    private final JdbcClient jdbc;

    UnlinkedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AccountLinkCandidate> unlinkedAccounts() {
        return jdbc.sql("""
                select a.id, a.username, a.first_name, a.last_name, a.email
                  from portal_account a
                 where a.status = 'ACTIVE'
                   and not exists (select 1 from family_file f where f.account_id = a.id)
                 order by a.activated_at desc nulls last, a.id desc""")
                .query((rs, i) -> new AccountLinkCandidate(rs.getLong("id"), rs.getString("username"),
                        displayName(rs.getString("first_name"), rs.getString("last_name"), rs.getString("username")),
                        rs.getString("email"))).list();
    }

    private static String displayName(String firstName, String lastName, String username) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? username : name;
    }
}
