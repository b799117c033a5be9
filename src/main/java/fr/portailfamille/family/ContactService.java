package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ContactsForm;
import fr.portailfamille.family.FamilyForms.GuardianContactForm;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The family's contact details (phones, e-mails, address), changed by the family and kept in a history. */
@Service
@Transactional
class ContactService {

    private final FamilyFileRepository files;
    private final FamilyDetailsStore store;

    ContactService(FamilyFileRepository files, FamilyDetailsStore store) {
        this.files = files;
        this.store = store;
    }

    /**
     * Saves the contact details of that family file and records each change; false (nothing saved)
     * when the form names a guardian of another file.
     */
    boolean update(long familyFileId, ContactsForm form, String changedBy) {
        FamilyFile file = files.findById(familyFileId).orElse(null);
        if (file == null || form.getGuardians().stream().anyMatch(g -> g.getId() == null || file.guardian(g.getId()).isEmpty())) {
            return false;
        }
        String addressLine = FamilyInput.clean(form.getAddressLine());
        String postalCode = FamilyInput.clean(form.getPostalCode());
        String city = FamilyInput.clean(form.getCity());
        record(familyFileId, changedBy, "Adresse", file.getAddressLine(), addressLine);
        record(familyFileId, changedBy, "Code postal", file.getPostalCode(), postalCode);
        record(familyFileId, changedBy, "Commune", file.getCity(), city);
        file.withAddress(addressLine, postalCode, city);
        for (GuardianContactForm g : form.getGuardians()) {
            Guardian guardian = file.guardian(g.getId()).orElseThrow();
            String who = " de " + guardian.getFirstName() + " " + guardian.getLastName();
            String email = FamilyInput.clean(g.getEmail());
            String mobile = FamilyInput.clean(g.getMobilePhone());
            String home = FamilyInput.clean(g.getHomePhone());
            String work = FamilyInput.clean(g.getWorkPhone());
            record(familyFileId, changedBy, "E-mail" + who, guardian.getEmail(), email);
            record(familyFileId, changedBy, "Téléphone portable" + who, guardian.getMobilePhone(), mobile);
            record(familyFileId, changedBy, "Téléphone domicile" + who, guardian.getHomePhone(), home);
            record(familyFileId, changedBy, "Téléphone employeur" + who, guardian.getWorkPhone(), work);
            guardian.changeContacts(email, mobile, home, work);
        }
        files.flush();
        return true;
    }

    private void record(long familyFileId, String changedBy, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            store.recordContactChange(familyFileId, changedBy, field, before, after);
        }
    }

    @Transactional(readOnly = true)
    List<FamilyRecords.ContactChange> history(long familyFileId) {
        return store.contactHistory(familyFileId);
    }
}
