package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ConsentForm;
import fr.portailfamille.family.FamilyForms.HealthSheetForm;
import fr.portailfamille.family.FamilyForms.PickupForm;
import fr.portailfamille.family.FamilyRecords.ChildDetails;
import fr.portailfamille.family.FamilyRecords.FileDetails;
import fr.portailfamille.family.FamilyRecords.HealthSheet;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The family's own file: its children, their health sheet, pick-up persons and consents. */
@Service
@Transactional
class ChildCareService {

    private final FamilyFileRepository files;
    private final FamilyDetailsStore store;

    ChildCareService(FamilyFileRepository files, FamilyDetailsStore store) {
        this.files = files;
        this.store = store;
    }

    @Transactional(readOnly = true)
    Optional<FileDetails> file(long familyFileId) {
        return files.findById(familyFileId).map(FileDetails::of);
    }

    /** The child, only if it belongs to that family file. */
    @Transactional(readOnly = true)
    Optional<ChildDetails> child(long familyFileId, long childId) {
        return files.findById(familyFileId).flatMap(f -> f.child(childId)).map(ChildDetails::of);
    }

    /** Beyond the form's constraints: a PAI is described. */
    static void validate(HealthSheetForm form, Errors errors) {
        if (form.isPai() && FamilyInput.clean(form.getPaiDetails()) == null && !errors.hasFieldErrors("paiDetails")) {
            errors.rejectValue("paiDetails", "required", "Précisez le PAI (motif, traitement, protocole).");
        }
    }

    void saveHealthSheet(long childId, HealthSheetForm form) {
        store.saveHealthSheet(new HealthSheet(childId, FamilyInput.clean(form.getAllergies()), form.isPai(),
                form.isPai() ? FamilyInput.clean(form.getPaiDetails()) : null, FamilyInput.clean(form.getDiet()),
                FamilyInput.clean(form.getDoctorName()), FamilyInput.clean(form.getDoctorPhone()),
                form.isVaccinationsUpToDate(), FamilyInput.clean(form.getRemarks()), null));
    }

    void addPickupPerson(long childId, PickupForm form) {
        store.addPickupPerson(childId, FamilyInput.clean(form.getLastName()), FamilyInput.clean(form.getFirstName()),
                FamilyInput.clean(form.getRelationship()), FamilyInput.clean(form.getPhone()));
    }

    boolean removePickupPerson(long childId, long pickupPersonId) {
        return store.removePickupPerson(childId, pickupPersonId);
    }

    void saveConsents(long childId, ConsentForm form) {
        store.saveConsents(childId, form.isPhoto(), form.isOutings(), form.isEmergencyCare());
    }
}
