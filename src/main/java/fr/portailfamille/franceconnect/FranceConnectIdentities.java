package fr.portailfamille.franceconnect;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity FranceConnect certified for the account of a family file, while that account is linked
 * (for API Particulier, which finds a person by this « identité pivot »). Nothing is copied: unlinking
 * deletes the claims, and this answers nothing afterwards.
 */
@Component
public class FranceConnectIdentities {

    /** The claims as FranceConnect gives them ({@code birthdate} {@code YYYY-MM-DD}, {@code gender} female/male, INSEE codes). */
    public record PivotIdentity(String givenName, String familyName, String birthdate, String gender, String birthplace,
            String birthcountry) {}

    private final JdbcClient jdbc;

    FranceConnectIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PivotIdentity> ofFamilyFile(long familyFileId) {
        return jdbc.sql("""
                select l.given_name, l.family_name, l.birthdate, l.gender, l.birthplace, l.birthcountry
                from franceconnect_link l join family_file f on f.account_id = l.account_id where f.id = ?""")
                .param(familyFileId).query(PivotIdentity.class).optional();
    }
}
