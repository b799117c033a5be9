package fr.portailfamille.dunning;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.DateParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /agent/relances} (finances): the late invoices with their filters and totals, the day's
 * reminder letters to print, and the link to the hand-over export.
 */
@Controller
class DunningStaffController {

    static final int MAX_FILTER = 100;

    private final LateInvoices late;
    private final ReminderLetters letters;
    private final Clock clock;

    DunningStaffController(LateInvoices late, ReminderLetters letters, Clock clock) {
        this.late = late;
        this.letters = letters;
        this.clock = clock;
    }

    @GetMapping("/agent/relances")
    String page(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(name = "anciennete", required = false) String age,
            @RequestParam(name = "activite", required = false) String activity,
            @RequestParam(name = "famille", required = false) String family, Model model) {
        checkFinances(staff);
        if ((activity != null && activity.length() > MAX_FILTER) || (family != null && family.length() > MAX_FILTER)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        LocalDate today = LocalDate.now(clock);
        LateInvoices.Age chosen = age == null || age.isBlank() ? null : LateInvoices.Age.parse(age);
        model.addAttribute("page", late.page(today, chosen, activity, family));
        model.addAttribute("ages", LateInvoices.Age.values());
        model.addAttribute("age", chosen == null ? "" : chosen.key());
        model.addAttribute("activity", activity == null ? "" : activity);
        model.addAttribute("family", family == null ? "" : family);
        model.addAttribute("today", today.toString());
        model.addAttribute("lettersToday", letters.of(today).size());
        model.addAttribute("month", java.time.YearMonth.from(today).toString());
        return "dunning/relances";
    }

    /** The letters of a day's reminders (families without e-mail), one per page, to print and post. */
    @GetMapping("/agent/relances/courriers.pdf")
    ResponseEntity<byte[]> letters(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "jour", required = false) String day) {
        checkFinances(staff);
        LocalDate chosen;
        try {
            chosen = day == null || day.isBlank() ? LocalDate.now(clock) : DateParameters.checked(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("relances-courriers-" + chosen + ".pdf").build().toString())
                .body(letters.pdf(chosen));
    }

    private static void checkFinances(StaffPrincipal staff) {
        if (!staff.isIn(StaffGroup.FINANCES.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
