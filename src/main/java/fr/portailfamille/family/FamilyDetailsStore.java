package fr.portailfamille.family;

import fr.portailfamille.family.FamilyRecords.Consents;
import fr.portailfamille.family.FamilyRecords.ContactChange;
import fr.portailfamille.family.FamilyRecords.HealthSheet;
import fr.portailfamille.family.FamilyRecords.PickupPerson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The family file's detail tables: quotient familial, health sheets, pick-up persons, consents, contact history. */
@Repository
class FamilyDetailsStore {

    private final JdbcClient jdbc;

    FamilyDetailsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The file linked to this portal account as {@link FamilySummary}, in one statement: the file's
     * row once per child (birth date order, as the file lists them) with its guardians' e-mails (their
     * order) beside, instead of the file, its guardians and its children loaded as entities.
     */
    Optional<FamilySummary> summaryOfAccount(long accountId) {
        return summary("f.account_id", accountId);
    }

    /** The file of this id as {@link FamilySummary}, in the same one statement. */
    Optional<FamilySummary> summary(long familyFileId) {
        return summary("f.id", familyFileId);
    }

    private Optional<FamilySummary> summary(String keyColumn, long key) {
        List<FamilySummary> rows = new ArrayList<>();
        List<ChildSummary> children = new ArrayList<>();
        jdbc.sql("""
                select f.id, f.number, f.name,
                       array(select g.email from guardian g where g.family_file_id = f.id and g.email is not null
                             order by g.position, g.id) as emails,
                       c.id as child_id, c.first_name, c.last_name, c.birth_date
                from family_file f left join child c on c.family_file_id = f.id
                where %s = ?
                order by c.birth_date, c.id""".formatted(keyColumn)).param(key).query(rs -> {
                    long fileId = rs.getLong("id");
                    if (rows.isEmpty()) {
                        List<String> emails = Arrays.stream((String[]) rs.getArray("emails").getArray()).distinct().toList();
                        rows.add(new FamilySummary(fileId, rs.getString("number"), rs.getString("name"), children, emails));
                    }
                    long childId = rs.getLong("child_id");
                    if (!rs.wasNull()) {
                        children.add(new ChildSummary(childId, fileId, rs.getString("first_name"), rs.getString("last_name"),
                                rs.getObject("birth_date", LocalDate.class)));
                    }
                });
        return rows.stream().findFirst().map(f -> new FamilySummary(f.id(), f.number(), f.name(), List.copyOf(children), f.emails()));
    }

    /** The scheme of each of these files that has one (a file without is absent: « Non précisé »), in one query. */
    Map<Long, Regime> regimes(Collection<Long> familyFileIds) {
        Map<Long, Regime> found = new HashMap<>();
        if (familyFileIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, regime from family_file where id = any(?) and regime is not null")
                .param(familyFileIds.toArray(Long[]::new))
                .query((rs, i) -> found.put(rs.getLong("id"), Regime.valueOf(rs.getString("regime")))).list();
        return found;
    }

    /** For each of these files, the quotient familial valid on that day (the latest starting one), in one query. */
    Map<Long, QuotientFamilial> quotientsOn(Collection<Long> familyFileIds, LocalDate day) {
        Map<Long, QuotientFamilial> found = new HashMap<>();
        if (familyFileIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select distinct on (family_file_id) family_file_id, value, valid_from, valid_to, source from quotient_familial
                where family_file_id = any(?) and valid_from <= ? and (valid_to is null or valid_to >= ?)
                order by family_file_id, valid_from desc, id desc""")
                .params(familyFileIds.toArray(Long[]::new), day, day)
                .query((rs, i) -> found.put(rs.getLong("family_file_id"), new QuotientFamilial(rs.getInt("value"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("source"))))
                .list();
        return found;
    }

    /** The quotient familial valid on that day, the latest starting one if several overlap. */
    Optional<QuotientFamilial> quotientOn(long familyFileId, LocalDate day) {
        return jdbc.sql("""
                select value, valid_from, valid_to, source from quotient_familial
                where family_file_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)
                order by valid_from desc, id desc limit 1""")
                .params(familyFileId, day, day)
                .query((rs, i) -> new QuotientFamilial(rs.getInt("value"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("source")))
                .optional();
    }

    boolean hasQuotient(long familyFileId) {
        return jdbc.sql("select count(*) from quotient_familial where family_file_id = ?").param(familyFileId)
                .query(Long.class).single() > 0;
    }

    /** A new quotient familial from that day; the one running then ends the day before. */
    void addQuotient(long familyFileId, QuotientFamilial quotient) {
        jdbc.sql("""
                update quotient_familial set valid_to = ? where family_file_id = ? and valid_from < ?
                and (valid_to is null or valid_to >= ?)""")
                .params(quotient.validFrom().minusDays(1), familyFileId, quotient.validFrom(), quotient.validFrom()).update();
        jdbc.sql("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, ?, ?, ?, ?)")
                .params(familyFileId, quotient.value(), quotient.validFrom(), quotient.validTo(), quotient.source()).update();
    }

    Optional<HealthSheet> healthSheet(long childId) {
        return jdbc.sql("select * from health_sheet where child_id = ?").param(childId)
                .query((rs, i) -> new HealthSheet(rs.getLong("child_id"), rs.getString("allergies"), rs.getBoolean("pai"),
                        rs.getString("pai_details"), rs.getString("diet"), rs.getString("doctor_name"),
                        rs.getString("doctor_phone"), rs.getBoolean("vaccinations_up_to_date"), rs.getString("remarks"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    void saveHealthSheet(HealthSheet sheet) {
        jdbc.sql("""
                insert into health_sheet (child_id, allergies, pai, pai_details, diet, doctor_name, doctor_phone,
                    vaccinations_up_to_date, remarks, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                on conflict (child_id) do update set allergies = excluded.allergies, pai = excluded.pai,
                    pai_details = excluded.pai_details, diet = excluded.diet, doctor_name = excluded.doctor_name,
                    doctor_phone = excluded.doctor_phone, vaccinations_up_to_date = excluded.vaccinations_up_to_date,
                    remarks = excluded.remarks, updated_at = now()""")
                .params(sheet.childId(), sheet.allergies(), sheet.pai(), sheet.paiDetails(), sheet.diet(), sheet.doctorName(),
                        sheet.doctorPhone(), sheet.vaccinationsUpToDate(), sheet.remarks())
                .update();
    }

    List<PickupPerson> pickupPersons(long childId) {
        return jdbc.sql("select * from pickup_person where child_id = ? order by id").param(childId)
                .query((rs, i) -> new PickupPerson(rs.getLong("id"), rs.getLong("child_id"), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("relationship"), rs.getString("phone")))
                .list();
    }

    void addPickupPerson(long childId, String lastName, String firstName, String relationship, String phone) {
        jdbc.sql("insert into pickup_person (child_id, last_name, first_name, relationship, phone) values (?, ?, ?, ?, ?)")
                .params(childId, lastName, firstName, relationship, phone).update();
    }

    /** Removes a pick-up person of that child only; false when the child has no such person. */
    boolean removePickupPerson(long childId, long pickupPersonId) {
        return jdbc.sql("delete from pickup_person where child_id = ? and id = ?").params(childId, pickupPersonId).update() == 1;
    }

    Optional<Consents> consents(long childId) {
        return jdbc.sql("select * from consent where child_id = ?").param(childId)
                .query((rs, i) -> new Consents(rs.getBoolean("photo"), rs.getBoolean("outings"), rs.getBoolean("emergency_care"),
                        rs.getTimestamp("given_at").toInstant()))
                .optional();
    }

    void saveConsents(long childId, boolean photo, boolean outings, boolean emergencyCare) {
        jdbc.sql("""
                insert into consent (child_id, photo, outings, emergency_care, given_at) values (?, ?, ?, ?, now())
                on conflict (child_id) do update set photo = excluded.photo, outings = excluded.outings,
                    emergency_care = excluded.emergency_care, given_at = now()""")
                .params(childId, photo, outings, emergencyCare).update();
    }

    void recordContactChange(long familyFileId, String changedBy, String field, String oldValue, String newValue) {
        jdbc.sql("insert into contact_change (family_file_id, changed_by, changed_at, field, old_value, new_value) values (?, ?, now(), ?, ?, ?)")
                .params(familyFileId, changedBy, field, oldValue, newValue).update();
    }

    List<ContactChange> contactHistory(long familyFileId) {
        return jdbc.sql("select * from contact_change where family_file_id = ? order by changed_at desc, id desc")
                .param(familyFileId)
                .query((rs, i) -> new ContactChange(rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    long nextFileNumber() {
        return jdbc.sql("select nextval('family_file_number_seq')").query(Long.class).single();
    }
}
