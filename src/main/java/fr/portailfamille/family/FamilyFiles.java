package fr.portailfamille.family;

import fr.portailfamille.system.Euros;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The family module's public service: read a family file, find the one of a portal account. */
@Service
@Transactional(readOnly = true)
public class FamilyFiles {

    private final FamilyFileRepository files;
    private final FamilyDetailsStore details;
    private final SupportingDocuments documents;
    private final ChangeRequests changeRequests;

    FamilyFiles(FamilyFileRepository files, FamilyDetailsStore details, SupportingDocuments documents,
            ChangeRequests changeRequests) {
        this.files = files;
        this.details = details;
        this.documents = documents;
        this.changeRequests = changeRequests;
    }

    /** The id of the family file linked to this portal account, if the account has been linked. */
    public Optional<Long> fileIdOfAccount(long accountId) {
        return files.findIdByAccountId(accountId);
    }

    /** The file of this portal account: one statement, in the caller's transaction if any (a page view opens none). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<FamilySummary> ofAccount(long accountId) {
        return details.summaryOfAccount(accountId);
    }

    /** The file of this id: one statement, in the caller's transaction if any (a start of a process reads it). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<FamilySummary> find(long familyFileId) {
        return details.summary(familyFileId);
    }

    /** Several files at once (children and guardians fetched in batches), in no particular order; unknown ids are skipped. */
    public List<FamilySummary> findAll(Collection<Long> familyFileIds) {
        return files.findAllById(familyFileIds).stream().map(FamilyFiles::summary).toList();
    }

    public Optional<FamilySummary> findByNumber(String number) {
        return files.findByNumber(number).map(FamilyFiles::summary);
    }

    public long count() {
        return files.count();
    }

    /** Links a portal account to a file; fails if the file already has one (unique in the database too). */
    @Transactional
    public void linkAccount(long familyFileId, long accountId) {
        FamilyFile file = files.findById(familyFileId)
                .orElseThrow(() -> new IllegalArgumentException("dossier inconnu " + familyFileId));
        file.linkAccount(accountId);
        files.flush();
    }

    static FamilySummary summary(FamilyFile file) {
        List<ChildSummary> children = file.getChildren().stream()
                .map(c -> new ChildSummary(c.getId(), file.getId(), c.getFirstName(), c.getLastName(), c.getBirthDate()))
                .toList();
        List<String> emails = file.getGuardians().stream()
                .map(Guardian::getEmail).filter(Objects::nonNull).distinct().toList();
        return new FamilySummary(file.getId(), file.getNumber(), file.getName(), children, emails);
    }

    // --- used by the account module ---

    /** Whether the file already has a portal account (a file is never claimed twice). */
    public boolean hasAccount(long familyFileId) {
        return files.findById(familyFileId).map(f -> f.getAccountId() != null).orElse(false);
    }

    /** Frees the file of this account, if any (a pending account purged before activation). */
    @Transactional
    public void unlinkAccount(long accountId) {
        files.findByAccountId(accountId).ifPresent(FamilyFile::unlinkAccount);
        files.flush();
    }

    // --- « Mon dossier »: quotient familial, health alerts, supporting documents, overview ---

    /** For each of these files that has one, the quotient familial valid on that day (one query: the billing run's batches). */
    public Map<Long, QuotientFamilial> quotientsFamiliaux(Collection<Long> familyFileIds, LocalDate day) {
        return details.quotientsOn(familyFileIds, day);
    }

    /** The scheme (« régime ») of each of these files that has one; a file without is absent (« Non précisé »). */
    public Map<Long, Regime> regimes(Collection<Long> familyFileIds) {
        return details.regimes(familyFileIds);
    }

    /** The family's quotient familial valid on that day, if the Guichet Unique has one. */
    public Optional<QuotientFamilial> quotientFamilial(long familyFileId, LocalDate day) {
        return details.quotientOn(familyFileId, day);
    }

    /**
     * A quotient familial read from another administration (API Particulier), from its first day; the one
     * running then ends the day before (kept, never deleted), and the change is written in the file's
     * history under {@code recordedBy}.
     */
    @Transactional
    public void recordQuotient(long familyFileId, QuotientFamilial quotient, String recordedBy) {
        String before = details.quotientOn(familyFileId, quotient.validFrom()).map(q -> Euros.whole(q.value())).orElse(null);
        details.addQuotient(familyFileId, quotient);
        details.recordContactChange(familyFileId, recordedBy, "Quotient familial", before,
                Euros.whole(quotient.value()) + " (" + quotient.source() + ")");
    }

    /** What the staff of an activity must know of a child's health (PAI, allergies); none when no sheet is filled. */
    public HealthAlerts healthAlerts(long childId) {
        return details.healthSheet(childId)
                .map(s -> new HealthAlerts(childId, s.pai(), s.paiDetails(), s.allergies()))
                .orElse(HealthAlerts.none(childId));
    }

    /** Which kinds of supporting documents the family has given, and which are accepted and valid on that day. */
    public SupportingDocumentTypes supportingDocumentTypes(long familyFileId, LocalDate day) {
        return documents.types(familyFileId, day);
    }

    /**
     * Each document an activity requires, with the family's state on that day: accepted (and still
     * valid), being checked, or missing (never sent, refused or expired). The health sheet is the
     * child's, filled in on « Mon dossier ».
     */
    public List<RequiredDocument> requiredDocuments(long familyFileId, long childId, Collection<DocumentType> types, LocalDate day) {
        Map<DocumentType, RequiredDocument.State> given = documents.states(familyFileId, day);
        if (details.healthSheet(childId).isPresent()) {
            given.put(DocumentType.FICHE_SANITAIRE, RequiredDocument.State.ACCEPTED);
        }
        return types.stream().map(type -> new RequiredDocument(type, given.getOrDefault(type, RequiredDocument.State.MISSING)))
                .toList();
    }

    /** « Mon dossier » at a glance: who, where, which quotient familial, what is being checked. */
    public FamilyOverview overview(long familyFileId, LocalDate day) {
        FamilyFile file = files.findById(familyFileId).orElseThrow();
        return new FamilyOverview(summary(file),
                FamilyRecords.FileDetails.of(file).address(),
                file.getGuardians().stream().map(g -> FamilyRecords.GuardianDetails.of(g).fullName()).toList(),
                details.quotientOn(file.getId(), day).orElse(null),
                documents.beingChecked(file.getId()), changeRequests.inProgress(file.getId()), file.getRegime());
    }
}
