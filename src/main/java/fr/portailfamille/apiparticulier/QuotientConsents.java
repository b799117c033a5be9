package fr.portailfamille.apiparticulier;

import java.time.Clock;
import java.time.OffsetDateTime;
import fr.portailfamille.apiparticulier.QuotientCafRecords.Consent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The families' consent to ask API Particulier for their quotient familial: given with its date, revocable. */
@Repository
class QuotientConsents {

    private final JdbcClient jdbc;
    private final Clock clock;

    QuotientConsents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Consent> of(long familyFileId) {
        return jdbc.sql("""
                select family_file_id, accepted_at, accepted_by, revoked_at, birth_name, first_names, sex, birth_date,
                    birth_commune, birth_country
                from quotient_consent where family_file_id = ?""").param(familyFileId).query(Consent.class).optional();
    }

    boolean active(long familyFileId) {
        return of(familyFileId).filter(Consent::active).isPresent();
    }

    /** Records the consent now (again, if it was revoked), with the identity the family typed (null with FranceConnect). */
    void accept(long familyFileId, String by, AllocataireIdentity typed) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into quotient_consent (family_file_id, accepted_at, accepted_by, revoked_at, birth_name, first_names, sex,
                    birth_date, birth_commune, birth_country)
                values (:id, :now, :by, null, :name, :firsts, :sex, :birth, :commune, :country)
                on conflict (family_file_id) do update set accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by,
                    revoked_at = null, birth_name = excluded.birth_name, first_names = excluded.first_names, sex = excluded.sex,
                    birth_date = excluded.birth_date, birth_commune = excluded.birth_commune, birth_country = excluded.birth_country""")
                .param("id", familyFileId).param("now", now).param("by", by)
                .param("name", typed == null ? null : typed.birthName())
                .param("firsts", typed == null ? null : String.join(" ", typed.firstNames()))
                .param("sex", typed == null ? null : typed.sex())
                .param("birth", typed == null ? null : typed.birthDate())
                .param("commune", typed == null ? null : typed.birthCommune())
                .param("country", typed == null ? null : typed.birthCountry())
                .update();
    }

    /** Withdraws the consent: no call is made any more, and the identity typed for it is forgotten. */
    boolean revoke(long familyFileId) {
        return jdbc.sql("""
                update quotient_consent set revoked_at = ?, birth_name = null, first_names = null, sex = null, birth_date = null,
                    birth_commune = null, birth_country = null
                where family_file_id = ? and revoked_at is null""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), familyFileId).update() == 1;
    }

    /** The families whose consent stands, in file order. */
    List<Long> consenting() {
        return jdbc.sql("select family_file_id from quotient_consent where revoked_at is null order by family_file_id")
                .query(Long.class).list();
    }
}
