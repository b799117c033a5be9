package fr.portailfamille.family;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The family module's public service: read a family file, find the one of a portal account. */
@Service
@Transactional(readOnly = true)
public class FamilyFiles {

    private final FamilyFileRepository files;

    FamilyFiles(FamilyFileRepository files) {
        this.files = files;
    }

    /** The id of the family file linked to this portal account, if the account has been linked. */
    public Optional<Long> fileIdOfAccount(long accountId) {
        return files.findIdByAccountId(accountId);
    }

    public Optional<FamilySummary> ofAccount(long accountId) {
        return files.findByAccountId(accountId).map(FamilyFiles::summary);
    }

    public Optional<FamilySummary> find(long familyFileId) {
        return files.findById(familyFileId).map(FamilyFiles::summary);
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
}
