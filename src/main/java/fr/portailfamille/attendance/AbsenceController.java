package fr.portailfamille.attendance;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.family.FamilyUploads;
import fr.portailfamille.system.security.FamilyPrincipal;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.StaffDownloads;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * « Signaler une absence » on the family's planning ({@code /planning/absences}): the booked days
 * that may be declared (also after the cut-off, and some days after the day), the declaration with
 * a reason and an optional certificate, and the state of each declaration. The service opens the
 * certificate from its Tasklist task ({@code /agent/absences/{id}/certificat}, its own activities only).
 */
@Controller
class AbsenceController {

    private final Absences absences;
    private final Activities activities;
    private final FamilyUploads uploads;

    AbsenceController(Absences absences, Activities activities, FamilyUploads uploads) {
        this.absences = absences;
        this.activities = activities;
        this.uploads = uploads;
    }

    @GetMapping("/planning/absences")
    String list(@CurrentFamily FamilySummary family, Model model) {
        model.addAttribute("activeModule", "planning");
        model.addAttribute("family", family);
        model.addAttribute("declarable", absences.declarableDays(family));
        model.addAttribute("daysAfter", absences.daysAfter());
        Map<Long, String> childNames = new HashMap<>();
        family.children().forEach(c -> childNames.put(c.id(), c.fullName()));
        Map<Long, String> activityNames = new HashMap<>();
        activities.all().forEach(a -> activityNames.put(a.id(), a.name()));
        model.addAttribute("childNames", childNames);
        model.addAttribute("activityNames", activityNames);
        model.addAttribute("declared", absences.ofFamily(family.id()));
        return "attendance/absences";
    }

    @GetMapping("/planning/absences/signaler")
    String form(@CurrentFamily FamilySummary family, @RequestParam(name = "enfant", required = false) Long childId,
            @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "jour", required = false) String day, Model model) {
        model.addAttribute("form", AbsenceForm.empty());
        return formPage(declarable(family, childId, activityId, day), model);
    }

    @PostMapping("/planning/absences/signaler")
    String declare(@CurrentFamily FamilySummary family, @AuthenticationPrincipal FamilyPrincipal principal,
            @RequestParam(name = "enfant", required = false) Long childId,
            @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "jour", required = false) String day,
            @Valid @ModelAttribute("form") AbsenceForm form, BindingResult errors,
            @RequestParam(name = "certificat", required = false) MultipartFile certificate, Model model) throws IOException {
        Absences.DeclarableDay declarable = declarable(family, childId, activityId, day);
        if (errors.hasErrors()) {
            return formPage(declarable, model);
        }
        byte[] content = null;
        String name = null;
        if (certificate != null && !certificate.isEmpty()) {
            if (certificate.getSize() > FamilyUploads.MAX_SIZE) {
                errors.reject("certificate", FamilyUploads.TOO_LARGE);
                return formPage(declarable, model);
            }
            content = certificate.getBytes();
            name = certificate.getOriginalFilename();
        }
        try {
            absences.declare(family, declarable.child().id(), declarable.activity().id(), declarable.day(), form.reason(),
                    form.commentOrNull(), content, name, principal.getUsername());
        } catch (Absences.DeclarationRefused refused) {
            errors.reject("refused", refused.getMessage());
            return formPage(declarable, model);
        }
        return "redirect:/planning/absences?signalee";
    }

    @GetMapping("/agent/absences/{absenceId}/certificat")
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long absenceId) {
        Absences.Absence absence = absences.find(absenceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DaySheetController.managed(activities, staff, absence.activityId());
        Absences.Certificate certificate = absences.certificate(absenceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return StaffDownloads.of(certificate.mediaType(), certificate.fileName(), certificate.content());
    }

    /** The form's page, with the model's form and its errors (a refusal of the service is a global error). */
    private static String formPage(Absences.DeclarableDay declarable, Model model) {
        model.addAttribute("activeModule", "planning");
        model.addAttribute("day", declarable);
        return "attendance/signaler-absence";
    }

    /** The family's own booked day, or a 404: another family's child, a day not booked, a day too old. */
    private Absences.DeclarableDay declarable(FamilySummary family, Long childId, Long activityId, String day) {
        if (childId == null || activityId == null || day == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return absences.declarable(family, childId, activityId, parsed).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
