package fr.portailfamille.family;

import fr.portailfamille.system.validation.FrenchPhone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * What the family's forms carry, as typed (strings), so a page shown again keeps every value; the
 * constraints of each field are here (bean validation), the rules that need the clock or another
 * field in the services' {@code validate}.
 */
final class FamilyForms {

    static final String TOO_LONG = "Ce champ ne doit pas dépasser {max} caractères.";
    static final String QUOTIENT_MESSAGE = "Saisissez le quotient familial en euros, un nombre entier (par exemple 850).";
    static final String POSTAL_CODE_MESSAGE = "Saisissez un code postal de 5 chiffres, par exemple 59210.";
    /** An e-mail address (blank is left to {@code @NotBlank}), spaces around it allowed. */
    static final String EMAIL = "\\s*|\\s*(?=\\S{1,254}\\s*$)[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*";

    private FamilyForms() {}

    static class HealthSheetForm {
        @Size(max = 500, message = TOO_LONG)
        private String allergies;
        private boolean pai;
        @Size(max = 500, message = TOO_LONG)
        private String paiDetails;
        @Size(max = 200, message = TOO_LONG)
        private String diet;
        @Size(max = 120, message = TOO_LONG)
        private String doctorName;
        @FrenchPhone
        private String doctorPhone;
        private boolean vaccinationsUpToDate;
        @Size(max = 1000, message = TOO_LONG)
        private String remarks;

        static HealthSheetForm of(FamilyRecords.HealthSheet sheet) {
            HealthSheetForm form = new HealthSheetForm();
            if (sheet != null) {
                form.allergies = sheet.allergies();
                form.pai = sheet.pai();
                form.paiDetails = sheet.paiDetails();
                form.diet = sheet.diet();
                form.doctorName = sheet.doctorName();
                form.doctorPhone = sheet.doctorPhone();
                form.vaccinationsUpToDate = sheet.vaccinationsUpToDate();
                form.remarks = sheet.remarks();
            }
            return form;
        }

        public String getAllergies() { return allergies; }
        public void setAllergies(String allergies) { this.allergies = allergies; }
        public boolean isPai() { return pai; }
        public void setPai(boolean pai) { this.pai = pai; }
        public String getPaiDetails() { return paiDetails; }
        public void setPaiDetails(String paiDetails) { this.paiDetails = paiDetails; }
        public String getDiet() { return diet; }
        public void setDiet(String diet) { this.diet = diet; }
        public String getDoctorName() { return doctorName; }
        public void setDoctorName(String doctorName) { this.doctorName = doctorName; }
        public String getDoctorPhone() { return doctorPhone; }
        public void setDoctorPhone(String doctorPhone) { this.doctorPhone = doctorPhone; }
        public boolean isVaccinationsUpToDate() { return vaccinationsUpToDate; }
        public void setVaccinationsUpToDate(boolean vaccinationsUpToDate) { this.vaccinationsUpToDate = vaccinationsUpToDate; }
        public String getRemarks() { return remarks; }
        public void setRemarks(String remarks) { this.remarks = remarks; }
    }

    static class PickupForm {
        @NotBlank(message = "Saisissez le nom.") @Size(max = 100, message = TOO_LONG)
        private String lastName;
        @NotBlank(message = "Saisissez le prénom.") @Size(max = 100, message = TOO_LONG)
        private String firstName;
        @Size(max = 60, message = TOO_LONG)
        private String relationship;
        @NotBlank(message = FamilyInput.PHONE_MESSAGE) @FrenchPhone
        private String phone;

        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
    }

    static class ConsentForm {
        private boolean photo;
        private boolean outings;
        private boolean emergencyCare;

        static ConsentForm of(FamilyRecords.Consents consents) {
            ConsentForm form = new ConsentForm();
            if (consents != null) {
                form.photo = consents.photo();
                form.outings = consents.outings();
                form.emergencyCare = consents.emergencyCare();
            }
            return form;
        }

        public boolean isPhoto() { return photo; }
        public void setPhoto(boolean photo) { this.photo = photo; }
        public boolean isOutings() { return outings; }
        public void setOutings(boolean outings) { this.outings = outings; }
        public boolean isEmergencyCare() { return emergencyCare; }
        public void setEmergencyCare(boolean emergencyCare) { this.emergencyCare = emergencyCare; }
    }

    static class ChildChangeForm {
        @Size(max = 100, message = TOO_LONG)
        private String newLastName;
        @Size(max = 100, message = TOO_LONG)
        private String newFirstName;
        private String newBirthDate;
        @Size(max = 500, message = TOO_LONG)
        private String comment;

        public String getNewLastName() { return newLastName; }
        public void setNewLastName(String newLastName) { this.newLastName = newLastName; }
        public String getNewFirstName() { return newFirstName; }
        public void setNewFirstName(String newFirstName) { this.newFirstName = newFirstName; }
        public String getNewBirthDate() { return newBirthDate; }
        public void setNewBirthDate(String newBirthDate) { this.newBirthDate = newBirthDate; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }

    static class QuotientChangeForm {
        @NotNull(message = QUOTIENT_MESSAGE) @Pattern(regexp = "\\s*\\d{1,5}\\s*", message = QUOTIENT_MESSAGE)
        private String newQuotient;
        private String validFrom;
        @Size(max = 500, message = TOO_LONG)
        private String comment;

        public String getNewQuotient() { return newQuotient; }
        public void setNewQuotient(String newQuotient) { this.newQuotient = newQuotient; }
        public String getValidFrom() { return validFrom; }
        public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }

    static class ContactsForm {
        @NotBlank(message = "Saisissez l'adresse.") @Size(max = 200, message = TOO_LONG)
        private String addressLine;
        @NotNull(message = POSTAL_CODE_MESSAGE) @Pattern(regexp = "\\s*[0-9]{5}\\s*", message = POSTAL_CODE_MESSAGE)
        private String postalCode;
        @NotBlank(message = "Saisissez la commune.") @Size(max = 100, message = TOO_LONG)
        private String city;
        @Valid
        private List<GuardianContactForm> guardians = new ArrayList<>();

        static ContactsForm of(FamilyRecords.FileDetails file) {
            ContactsForm form = new ContactsForm();
            form.addressLine = file.addressLine();
            form.postalCode = file.postalCode();
            form.city = file.city();
            for (FamilyRecords.GuardianDetails g : file.guardians()) {
                GuardianContactForm guardian = new GuardianContactForm();
                guardian.setId(g.id());
                guardian.setEmail(g.email());
                guardian.setMobilePhone(g.mobilePhone());
                guardian.setHomePhone(g.homePhone());
                guardian.setWorkPhone(g.workPhone());
                form.guardians.add(guardian);
            }
            return form;
        }

        public String getAddressLine() { return addressLine; }
        public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public List<GuardianContactForm> getGuardians() { return guardians; }
        public void setGuardians(List<GuardianContactForm> guardians) { this.guardians = guardians; }
    }

    static class GuardianContactForm {
        private Long id;
        @NotBlank(message = "Saisissez une adresse e-mail.") @Pattern(regexp = EMAIL, message = FamilyInput.EMAIL_MESSAGE)
        private String email;
        @FrenchPhone
        private String mobilePhone;
        @FrenchPhone
        private String homePhone;
        @FrenchPhone
        private String workPhone;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getMobilePhone() { return mobilePhone; }
        public void setMobilePhone(String mobilePhone) { this.mobilePhone = mobilePhone; }
        public String getHomePhone() { return homePhone; }
        public void setHomePhone(String homePhone) { this.homePhone = homePhone; }
        public String getWorkPhone() { return workPhone; }
        public void setWorkPhone(String workPhone) { this.workPhone = workPhone; }
    }

    static class DocumentForm {
        private String type;
        private String validUntil;

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getValidUntil() { return validUntil; }
        public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    }
}
