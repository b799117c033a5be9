package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.Weekdays;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.DocumentType;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilyRecords.DocumentState;
import fr.portailfamille.family.FamilyRecords.HealthSheet;
import fr.portailfamille.family.FamilyRecords.SupportingDocument;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.family.QuotientFamilial;
import fr.portailfamille.family.StaffFamilyFiles;
import fr.portailfamille.system.Markdown;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the service needs to decide on a pre-registration, read when the task is created from the
 * modules that own it: the family's quotient familial (value, validity, source), each document the
 * activity requires with its state and a link to open it, the child's health alerts (PAI, allergies,
 * diet), the child's other registrations and the places left in the activity.
 */
@Component
class ReviewFacts {

    /** The staff user recorded as having read the health sheet: the validation task of the service. */
    static final String HEALTH_READER_PREFIX = "tâche « Valider la pré-inscription » – ";

    private final RegistrationRepository registrations;
    private final FamilyFiles families;
    private final StaffFamilyFiles staffFiles;
    private final Activities activities;
    private final PortalProperties portal;

    ReviewFacts(RegistrationRepository registrations, FamilyFiles families, StaffFamilyFiles staffFiles, Activities activities,
            PortalProperties portal) {
        this.registrations = registrations;
        this.families = families;
        this.staffFiles = staffFiles;
        this.activities = activities;
        this.portal = portal;
    }

    /** The form's read-only texts, as process variables. */
    Map<String, Object> of(Registration r, LocalDate today) {
        FamilySummary family = families.find(r.getFamilyFileId()).orElseThrow();
        ChildSummary child = family.children().stream().filter(c -> c.id() == r.getChildId()).findFirst().orElseThrow();
        ActivitySummary activity = activities.find(r.getActivityId()).orElseThrow();
        Optional<HealthSheet> sheet = staffFiles.readHealthSheet(family.id(), child.id(), HEALTH_READER_PREFIX + activity.serviceGroup());
        List<SupportingDocument> documents = staffFiles.documents(family.id());

        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put(FAMILY.name(), family.name() + " – dossier n° " + family.number());
        texts.put(CHILD.name(), child.fullName() + ", né(e) le " + child.birthDate().format(PortalTime.DATE));
        texts.put(CHILD_AGE.name(), child.ageOn(today) + " ans (" + child.ageOn(r.getValidFrom()) + " ans au "
                + r.getValidFrom().format(PortalTime.DATE) + ")");
        texts.put(ACTIVITY.name(), activity.name() + " – " + r.getPeriodLabel());
        texts.put(DAYS.name(), Weekdays.labels(r.weekdaySet()));
        texts.put(QUOTIENT.name(), quotient(family.id(), r.getValidFrom(), today));
        List<String> lines = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (String required : activity.requiredDocuments()) {
            documentLine(required, family.id(), documents, sheet, today, lines, links);
        }
        texts.put(DOCUMENTS.name(), lines.isEmpty() ? "Aucune pièce demandée pour cette activité." : String.join("\n", lines));
        texts.put(DOCUMENT_LINKS.name(), links.isEmpty() ? "Aucun justificatif à ouvrir." : "Ouvrir les justificatifs :\n\n" + String.join("\n", links));
        texts.put(HEALTH.name(), health(sheet));
        texts.put(OTHER_REGISTRATIONS.name(), otherRegistrations(r));
        texts.put(PLACES.name(), placesLeft(r, activity));
        return texts;
    }

    private String quotient(long familyFileId, LocalDate from, LocalDate today) {
        LocalDate day = from.isAfter(today) ? from : today;
        Optional<QuotientFamilial> qf = families.quotientFamilial(familyFileId, day);
        if (qf.isEmpty()) {
            return "Aucun quotient familial valable au " + day.format(PortalTime.DATE) + " : la tranche maximale s'appliquera.";
        }
        QuotientFamilial q = qf.get();
        return q.value() + " € – valable du " + q.validFrom().format(PortalTime.DATE)
                + (q.validTo() == null ? ", sans date de fin" : " au " + q.validTo().format(PortalTime.DATE))
                + (q.source() == null || q.source().isBlank() ? "" : " – source : " + q.source());
    }

    /** The uploaded kind of document an activity requires (the health sheet is no upload). */
    static Optional<DocumentType> familyType(String required) {
        return DocumentType.byName(required).filter(t -> t != DocumentType.FICHE_SANITAIRE);
    }

    private void documentLine(String required, long familyFileId, List<SupportingDocument> documents, Optional<HealthSheet> sheet,
            LocalDate today, List<String> lines, List<String> links) {
        String label = DocumentType.byName(required).map(DocumentType::label).orElse(required);
        if ("FICHE_SANITAIRE".equals(required)) {
            lines.add(label + " : " + sheet.map(s -> "remplie (mise à jour le " + s.updatedOn() + ")").orElse("manquante (non remplie par la famille)"));
            return;
        }
        Optional<DocumentType> type = familyType(required);
        Optional<SupportingDocument> best = type.flatMap(t -> documents.stream().filter(d -> d.type() == t)
                .min(Comparator.comparing((SupportingDocument d) -> rank(d, today)).thenComparing(SupportingDocument::uploadedAt, Comparator.reverseOrder())));
        if (best.isEmpty()) {
            lines.add(label + " : non fourni");
            return;
        }
        SupportingDocument d = best.get();
        String state = switch (d.state()) {
            case ACCEPTE -> d.validUntil() != null && d.validUntil().isBefore(today)
                    ? "expiré le " + d.validUntilText()
                    : "accepté" + (d.validUntil() == null ? "" : ", valable jusqu'au " + d.validUntilText());
            case A_VERIFIER -> "à vérifier (déposé le " + d.uploadedOn() + ")";
            case REFUSE -> "refusé" + (d.refusalReason() == null ? "" : " : " + d.refusalReason());
        };
        lines.add(label + " : " + state);
        links.add("- [" + Markdown.escape(label + " – " + d.fileName() + " (" + d.state().label() + ")") + "](" + portal.link("/agent/dossiers/" + familyFileId
                + "/documents/" + d.id()) + ")");
    }

    /** Accepted and valid first, then being checked, then expired, then refused. */
    private static int rank(SupportingDocument d, LocalDate today) {
        if (d.state() == DocumentState.ACCEPTE) {
            return d.validUntil() != null && d.validUntil().isBefore(today) ? 2 : 0;
        }
        return d.state() == DocumentState.A_VERIFIER ? 1 : 3;
    }

    private static String health(Optional<HealthSheet> sheet) {
        if (sheet.isEmpty()) {
            return "Fiche sanitaire non remplie par la famille.";
        }
        HealthSheet s = sheet.get();
        List<String> alerts = new ArrayList<>();
        if (s.pai()) {
            alerts.add("PAI : oui" + (s.paiDetails() == null || s.paiDetails().isBlank() ? "" : " – " + s.paiDetails().strip()));
        }
        if (s.allergies() != null && !s.allergies().isBlank()) {
            alerts.add("Allergies : " + s.allergies().strip());
        }
        if (s.diet() != null && !s.diet().isBlank()) {
            alerts.add("Régime alimentaire : " + s.diet().strip());
        }
        return alerts.isEmpty() ? "Aucune alerte (PAI, allergie, régime) sur la fiche sanitaire." : String.join("\n", alerts);
    }

    /** The child's other live requests, the catalogue read once for their names (not once per request). */
    private String otherRegistrations(Registration r) {
        List<Registration> others = registrations.liveOfChild(r.getChildId())
                .stream().filter(o -> !o.getId().equals(r.getId()))
                .sorted(Comparator.comparing(Registration::getValidFrom))
                .toList();
        if (others.isEmpty()) {
            return "Aucune autre inscription en cours ou validée.";
        }
        Map<Long, String> names = activities.all().stream().collect(Collectors.toMap(ActivitySummary::id, ActivitySummary::name));
        return others.stream()
                .map(o -> names.getOrDefault(o.getActivityId(), "Activité n° " + o.getActivityId())
                        + " – " + o.getPeriodLabel() + " – " + Weekdays.labels(o.weekdaySet()) + " : " + o.getState().label())
                .collect(Collectors.joining("\n"));
    }

    /** Per requested weekday, the capacity minus the registrations already validated for that day of the same period. */
    private String placesLeft(Registration r, ActivitySummary activity) {
        List<Set<DayOfWeek>> validated = registrations.validatedWeekdays(r.getActivityId(), r.getValidFrom()).stream()
                .map(Weekdays::parse).toList();
        List<String> parts = new ArrayList<>();
        for (DayOfWeek day : r.weekdaySet()) {
            long taken = validated.stream().filter(days -> days.contains(day)).count();
            long left = Math.max(0, activity.capacityPerDay() - taken);
            parts.add(Weekdays.label(day) + " : " + left + (left > 1 ? " places" : " place"));
        }
        return activity.capacityPerDay() + " places par jour ; restantes après les inscriptions validées – " + String.join(", ", parts);
    }
}
