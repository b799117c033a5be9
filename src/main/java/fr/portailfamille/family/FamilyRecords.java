package fr.portailfamille.family;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rows of the family file's detail tables, as the pages and services read them (the staff pages read them too). */
public final class FamilyRecords {

    private FamilyRecords() {}

    public record ChildDetails(long id, String firstName, String lastName, LocalDate birthDate, String sex, String school,
            String schoolClass) {

        static ChildDetails of(Child child) {
            return new ChildDetails(child.getId(), child.getFirstName(), child.getLastName(), child.getBirthDate(),
                    child.getSex(), child.getSchool(), child.getSchoolClass());
        }

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record GuardianDetails(long id, String civility, String lastName, String firstName, String relationship, String email,
            String mobilePhone, String homePhone, String workPhone) {

        static GuardianDetails of(Guardian g) {
            return new GuardianDetails(g.getId(), g.getCivility(), g.getLastName(), g.getFirstName(), g.getRelationship(),
                    g.getEmail(), g.getMobilePhone(), g.getHomePhone(), g.getWorkPhone());
        }

        public String fullName() {
            return (civility == null ? "" : civility + " ") + firstName + " " + lastName;
        }
    }

    public record FileDetails(long id, String number, String name, String addressLine, String postalCode, String city,
            List<GuardianDetails> guardians, List<ChildDetails> children, Regime regime) {

        static FileDetails of(FamilyFile file) {
            return new FileDetails(file.getId(), file.getNumber(), file.getName(), file.getAddressLine(), file.getPostalCode(),
                    file.getCity(), file.getGuardians().stream().map(GuardianDetails::of).toList(),
                    file.getChildren().stream().map(ChildDetails::of).toList(), file.getRegime());
        }

        /** « CAF », « MSA », « Autre régime » or « Non précisé ». */
        public String regimeLabel() {
            return Regime.labelOf(regime);
        }

        public String address() {
            return java.util.stream.Stream.of(addressLine, java.util.stream.Stream.of(postalCode, city)
                            .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" ")))
                    .filter(s -> s != null && !s.isBlank()).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    public record HealthSheet(long childId, String allergies, boolean pai, String paiDetails, String diet, String doctorName,
            String doctorPhone, boolean vaccinationsUpToDate, String remarks, Instant updatedAt) {

        public String updatedOn() {
            return PortalTime.DATE.format(updatedAt.atZone(PortalTime.ZONE));
        }
    }

    public record PickupPerson(long id, long childId, String lastName, String firstName, String relationship, String phone) {}

    public record Consents(boolean photo, boolean outings, boolean emergencyCare, Instant givenAt) {

        public String givenOn() {
            return PortalTime.DATE.format(givenAt.atZone(PortalTime.ZONE));
        }
    }

    record ContactChange(String changedBy, Instant changedAt, String field, String oldValue, String newValue) {

        public String when() {
            return PortalTime.DATE_TIME.format(changedAt.atZone(PortalTime.ZONE));
        }
    }

    public record SupportingDocument(long id, long familyFileId, DocumentType type, LocalDate validUntil, Instant uploadedAt,
            DocumentState state, String refusalReason, int size, String mediaType, String fileName) {

        public String uploadedOn() {
            return PortalTime.DATE.format(uploadedAt.atZone(PortalTime.ZONE));
        }

        public String validUntilText() {
            return validUntil == null ? "–" : PortalTime.DATE.format(validUntil);
        }

        public String sizeText() {
            return size < 1024 * 1024 ? Math.max(1, size / 1024) + " Ko" : String.format(PortalTime.FRENCH, "%.1f Mo", size / 1048576.0);
        }
    }

    public record DocumentContent(String fileName, String mediaType, byte[] content) {

        /** The document as a download (never shown inline: what a family uploaded is not trusted to render). */
        public org.springframework.http.ResponseEntity<byte[]> asAttachment() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(mediaType))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(content);
        }
    }

    public record ChangeRequest(long id, long familyFileId, ChangeSubject subject, Long childId, String newLastName,
            String newFirstName, LocalDate newBirthDate, Integer newQuotient, LocalDate newQuotientFrom, String comment,
            RequestState state, String refusalReason, String requestedBy, Instant createdAt, Instant decidedAt) {

        public String createdOn() {
            return PortalTime.DATE.format(createdAt.atZone(PortalTime.ZONE));
        }

        /** The quotient asked, in euros, and from when: « 640 € à partir du 01/12/2026 ». */
        public String newQuotientText() {
            return Euros.whole(newQuotient) + (newQuotientFrom == null ? "" : " à partir du " + PortalTime.DATE.format(newQuotientFrom));
        }

        /** What is asked, in French, for the pages and mails. */
        public String description() {
            StringBuilder text = new StringBuilder();
            if (subject == ChangeSubject.QUOTIENT) {
                return "Quotient familial : " + newQuotientText();
            }
            text.append("Identité de l'enfant :");
            if (newLastName != null) {
                text.append(" nom ").append(newLastName);
            }
            if (newFirstName != null) {
                text.append(" prénom ").append(newFirstName);
            }
            if (newBirthDate != null) {
                text.append(" né(e) le ").append(PortalTime.DATE.format(newBirthDate));
            }
            return text.toString();
        }
    }

    public enum DocumentState {
        A_VERIFIER("à vérifier", "status-pending"), ACCEPTE("accepté", "status-ok"), REFUSE("refusé", "status-refused");

        private final String label;
        private final String cssClass;

        DocumentState(String label, String cssClass) {
            this.label = label;
            this.cssClass = cssClass;
        }

        public String label() { return label; }
        public String cssClass() { return cssClass; }
    }

    public enum RequestState {
        EN_COURS("en cours", "status-pending"), ACCEPTEE("acceptée", "status-ok"), REFUSEE("refusée", "status-refused");

        private final String label;
        private final String cssClass;

        RequestState(String label, String cssClass) {
            this.label = label;
            this.cssClass = cssClass;
        }

        public String label() { return label; }
        public String cssClass() { return cssClass; }
    }

    public enum ChangeSubject { CHILD_IDENTITY, QUOTIENT }
}
