package fr.portailfamille.family;

import java.util.ArrayList;
import java.util.List;

/** What the family's forms carry, as typed (strings), so a page shown again keeps every value. */
final class FamilyForms {

    private FamilyForms() {}

    static class HealthSheetForm {
        private String allergies;
        private boolean pai;
        private String paiDetails;
        private String diet;
        private String doctorName;
        private String doctorPhone;
        private boolean vaccinationsUpToDate;
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
        private String lastName;
        private String firstName;
        private String relationship;
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
        private String newLastName;
        private String newFirstName;
        private String newBirthDate;
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
        private String newQuotient;
        private String validFrom;
        private String comment;

        public String getNewQuotient() { return newQuotient; }
        public void setNewQuotient(String newQuotient) { this.newQuotient = newQuotient; }
        public String getValidFrom() { return validFrom; }
        public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }

    static class ContactsForm {
        private String addressLine;
        private String postalCode;
        private String city;
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
        private String email;
        private String mobilePhone;
        private String homePhone;
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
