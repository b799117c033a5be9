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

    static void validate(HealthSheetForm form, Errors errors) {
        maxLength(errors, "allergies", form.getAllergies(), 500);
        maxLength(errors, "paiDetails", form.getPaiDetails(), 500);
        maxLength(errors, "diet", form.getDiet(), 200);
        maxLength(errors, "doctorName", form.getDoctorName(), 120);
        maxLength(errors, "remarks", form.getRemarks(), 1000);
        if (form.isPai() && FamilyInput.clean(form.getPaiDetails()) == null) {
            errors.rejectValue("paiDetails", "required", "Précisez le PAI (motif, traitement, protocole).");
        }
        String phone = FamilyInput.clean(form.getDoctorPhone());
        if (phone != null && !FamilyInput.isFrenchPhone(phone)) {
            errors.rejectValue("doctorPhone", "phone", FamilyInput.PHONE_MESSAGE);
        }
    }

    void saveHealthSheet(long childId, HealthSheetForm form) {
        store.saveHealthSheet(new HealthSheet(childId, FamilyInput.clean(form.getAllergies()), form.isPai(),
                form.isPai() ? FamilyInput.clean(form.getPaiDetails()) : null, FamilyInput.clean(form.getDiet()),
                FamilyInput.clean(form.getDoctorName()), FamilyInput.clean(form.getDoctorPhone()),
                form.isVaccinationsUpToDate(), FamilyInput.clean(form.getRemarks()), null));
    }

    static void validate(PickupForm form, Errors errors) {
        required(errors, "lastName", form.getLastName(), "Saisissez le nom.");
        required(errors, "firstName", form.getFirstName(), "Saisissez le prénom.");
        maxLength(errors, "lastName", form.getLastName(), 100);
        maxLength(errors, "firstName", form.getFirstName(), 100);
        maxLength(errors, "relationship", form.getRelationship(), 60);
        if (!FamilyInput.isFrenchPhone(FamilyInput.clean(form.getPhone()))) {
            errors.rejectValue("phone", "phone", FamilyInput.PHONE_MESSAGE);
        }
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

    static void required(Errors errors, String field, String value, String message) {
        if (FamilyInput.clean(value) == null && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "required", message);
        }
    }

    static void maxLength(Errors errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "length", "Ce champ ne doit pas dépasser " + max + " caractères.");
        }
    }
}
