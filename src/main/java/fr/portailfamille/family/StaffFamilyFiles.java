package fr.portailfamille.family;

import fr.portailfamille.family.FamilyRecords.ChangeRequest;
import fr.portailfamille.family.FamilyRecords.Consents;
import fr.portailfamille.family.FamilyRecords.DocumentContent;
import fr.portailfamille.family.FamilyRecords.FileDetails;
import fr.portailfamille.family.FamilyRecords.HealthSheet;
import fr.portailfamille.family.FamilyRecords.PickupPerson;
import fr.portailfamille.family.FamilyRecords.SupportingDocument;
import fr.portailfamille.system.PortalTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family file as the town's agents read it: search, the file with its children, pick-up persons,
 * consents, documents and requests, and the health sheets, each read of which is recorded (who,
 * when, which child). Which agent may see which file is the caller's decision (it knows the
 * registrations and bookings); this service only reads and records.
 */
@Service
@Transactional(readOnly = true)
public class StaffFamilyFiles {

    /** One recorded read of a health sheet. */
    public record HealthSheetRead(String staffUser, Instant readAt, long childId, String childName, long familyFileId,
            String familyNumber) {

        public String readAtText() {
            return PortalTime.DATE_TIME.format(readAt.atZone(PortalTime.ZONE));
        }
    }

    // lower case without the accents of French names, on both sides of a comparison
    private static final String FOLD_FROM = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ";
    private static final String FOLD_TO = "aaaaaaceeeeiiiinooooouuuuyyæœ";

    private final ChildCareService care;
    private final FamilyDetailsStore store;
    private final SupportingDocuments documents;
    private final ChangeRequests changeRequests;
    private final JdbcClient jdbc;
    private final FamilyFileRepository files;

    StaffFamilyFiles(ChildCareService care, FamilyDetailsStore store, SupportingDocuments documents,
            ChangeRequests changeRequests, JdbcClient jdbc, FamilyFileRepository files) {
        this.files = files;
        this.care = care;
        this.store = store;
        this.documents = documents;
        this.changeRequests = changeRequests;
        this.jdbc = jdbc;
    }

    /**
     * The files matching what an agent typed in one box: the file number, the family's name, a
     * guardian's or a child's first or last name (or both), a guardian's e-mail; case and accents
     * ignored. The ids, best first (an exact file number or e-mail first, then by name).
     */
    public List<Long> search(String typed, int limit) {
        String query = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (query.isEmpty()) {
            return List.of();
        }
        String folded = fold(query);
        String like = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String f = "translate(lower(%s), '" + FOLD_FROM + "', '" + FOLD_TO + "')";
        return jdbc.sql("""
                select f.id, min(case when f.number = :exact or %s = :folded then 0 else 1 end) as rank, f.name
                from family_file f
                left join guardian g on g.family_file_id = f.id
                left join child c on c.family_file_id = f.id
                where f.number = :exact or %s like :like
                   or %s like :like or %s like :like or %s like :like
                   or %s like :like or %s like :like or %s like :like
                group by f.id, f.name
                order by rank, f.name, f.id
                limit :limit""".formatted(
                        f.formatted("g.email"),
                        f.formatted("f.name"),
                        f.formatted("g.email"), f.formatted("g.first_name || ' ' || g.last_name"),
                        f.formatted("g.last_name || ' ' || g.first_name"),
                        f.formatted("c.first_name || ' ' || c.last_name"), f.formatted("c.last_name || ' ' || c.first_name"),
                        f.formatted("f.number")))
                .param("exact", query).param("folded", folded).param("like", like).param("limit", limit)
                .query((rs, i) -> rs.getLong("id")).list();
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.FRENCH);
        StringBuilder out = new StringBuilder(lower.length());
        for (char ch : lower.toCharArray()) {
            int at = FOLD_FROM.indexOf(ch);
            out.append(at < 0 ? ch : FOLD_TO.charAt(at));
        }
        return out.toString();
    }

    public Optional<FileDetails> file(long familyFileId) {
        return care.file(familyFileId);
    }

    /** The file of that number (« 100123 »), the number the families and the staff know. */
    public Optional<FileDetails> fileByNumber(String number) {
        return jdbc.sql("select id from family_file where number = ?").param(number).query(Long.class).optional()
                .flatMap(care::file);
    }

    public Optional<QuotientFamilial> quotient(long familyFileId, LocalDate day) {
        return store.quotientOn(familyFileId, day);
    }

    public List<PickupPerson> pickupPersons(long childId) {
        return store.pickupPersons(childId);
    }

    public Optional<Consents> consents(long childId) {
        return store.consents(childId);
    }

    /**
     * Sets the family's scheme (« régime »; null: « Non précisé »), as the Guichet Unique reads it on the
     * family's CAF or MSA certificate, or as API Particulier tells with the quotient it gives (then
     * {@code changedBy} is « API Particulier »); the change is kept in the file's history (who, when,
     * before and after). False when the file already had that scheme (nothing recorded).
     */
    @Transactional
    public boolean changeRegime(long familyFileId, Regime regime, String changedBy) {
        FamilyFile file = files.findById(familyFileId).orElseThrow(() -> new IllegalArgumentException("dossier inconnu " + familyFileId));
        Regime before = file.getRegime();
        if (before == regime) {
            return false;
        }
        file.changeRegime(regime);
        store.recordContactChange(familyFileId, changedBy, "régime", Regime.labelOf(before), Regime.labelOf(regime));
        return true;
    }

    /** A child's health sheet for an agent allowed to read it; the read is recorded. */
    @Transactional
    public Optional<HealthSheet> readHealthSheet(long familyFileId, long childId, String staffUser) {
        Optional<HealthSheet> sheet = store.healthSheet(childId);
        jdbc.sql("insert into health_sheet_read (staff_user, child_id, family_file_id) values (?, ?, ?)")
                .params(staffUser, childId, familyFileId).update();
        return sheet;
    }

    /** The latest recorded reads of health sheets, newest first. */
    public List<HealthSheetRead> healthSheetReads(int limit) {
        return jdbc.sql("""
                select r.staff_user, r.read_at, r.child_id, c.first_name || ' ' || c.last_name as child_name,
                       r.family_file_id, f.number
                from health_sheet_read r join child c on c.id = r.child_id join family_file f on f.id = r.family_file_id
                order by r.read_at desc, r.id desc limit ?""").param(limit)
                .query((rs, i) -> new HealthSheetRead(rs.getString("staff_user"), rs.getTimestamp("read_at").toInstant(),
                        rs.getLong("child_id"), rs.getString("child_name"), rs.getLong("family_file_id"), rs.getString("number")))
                .list();
    }

    public List<SupportingDocument> documents(long familyFileId) {
        return documents.list(familyFileId);
    }

    /** A document's bytes, only if it belongs to that file. */
    public Optional<DocumentContent> document(long familyFileId, long documentId) {
        return documents.content(familyFileId, documentId);
    }

    public List<ChangeRequest> changeRequests(long familyFileId) {
        return changeRequests.list(familyFileId);
    }
}
