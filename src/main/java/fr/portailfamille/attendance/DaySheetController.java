package fr.portailfamille.attendance;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.DateParameters;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Feuilles de présence » under {@code /agent/presences}: an agent opens the sheets of its own
 * services' activities only (another service's activity is 403). The check-in of a child answers
 * the child's row alone to htmx (the page shows it as saved only then), and a redirect to the
 * sheet to a browser without JavaScript.
 */
@Controller
@RequestMapping("/agent/presences")
class DaySheetController {

    private final Activities activities;
    private final DaySheets sheets;
    private final DaySheetPdf pdf;
    private final Clock clock;

    DaySheetController(Activities activities, DaySheets sheets, DaySheetPdf pdf, Clock clock) {
        this.activities = activities;
        this.sheets = sheets;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The choice of an activity and a day; with both chosen, to that sheet. */
    @GetMapping
    String choose(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "jour", required = false) String day, Model model) {
        List<ActivitySummary> own = ownActivities(activities, staff);
        if (own.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (activityId != null) {
            ActivitySummary activity = managed(activities, staff, activityId);
            LocalDate chosen = LocalDate.now(clock);
            try {
                if (day != null && !day.isBlank()) {
                    chosen = DateParameters.checked(LocalDate.parse(day.strip()));
                }
            } catch (DateTimeParseException e) {
                // an unreadable date: today's sheet
            }
            return "redirect:/agent/presences/" + activity.id() + "/" + chosen;
        }
        model.addAttribute("activities", own);
        model.addAttribute("today", LocalDate.now(clock));
        return "attendance/choisir";
    }

    @GetMapping("/{activityId}/{day}")
    String sheet(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        ActivitySummary activity = managed(activities, staff, activityId);
        model.addAttribute("sheet", sheets.sheet(activity, day));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        return "attendance/feuille";
    }

    @PostMapping("/{activityId}/{day}/enfants/{childId}")
    String checkIn(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @PathVariable long childId,
            @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "arrivee", required = false) String arrival,
            @RequestParam(name = "depart", required = false) String departure,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ActivitySummary activity = managed(activities, staff, activityId);
        String error = null;
        try {
            sheets.checkIn(activity, day, childId, status(status), time(arrival, "d'arrivée"), time(departure, "de départ"), staff.userId());
        } catch (DaySheets.CheckInRefused refused) {
            error = refused.getMessage();
        }
        if (htmx != null) {
            if (error != null) {
                // the row stays as it was; the reason shows under it
                response.setHeader("HX-Retarget", "#erreur-" + childId);
                response.setHeader("HX-Reswap", "innerHTML");
                model.addAttribute("error", error);
                return "attendance/feuille :: refusal";
            }
            DaySheets.Sheet sheet = sheets.sheet(activity, day);
            model.addAttribute("sheet", sheet);
            model.addAttribute("row", sheet.rows().stream().filter(r -> r.childId() == childId).findFirst().orElseThrow());
            return "attendance/feuille :: answer";
        }
        if (error != null) {
            redirect.addFlashAttribute("error", error);
        } else {
            redirect.addFlashAttribute("success", "Pointage enregistré.");
        }
        return "redirect:/agent/presences/" + activityId + "/" + day + "#enfant-" + childId;
    }

    @GetMapping("/{activityId}/{day}/recherche")
    String search(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(name = "nom", required = false) String name,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ActivitySummary activity = managed(activities, staff, activityId);
        String text = name == null ? "" : name.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        model.addAttribute("query", text);
        model.addAttribute("found", sheets.search(activity, day, text));
        if (htmx != null) {
            DaySheets.Sheet sheet = sheets.sheet(activity, day);
            model.addAttribute("sheet", sheet);
            return "attendance/feuille :: results";
        }
        model.addAttribute("sheet", sheets.sheet(activity, day));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        return "attendance/feuille";
    }

    @PostMapping("/{activityId}/{day}/cloturer")
    String close(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        ActivitySummary activity = managed(activities, staff, activityId);
        try {
            sheets.close(activity, day, staff.userId());
            redirect.addFlashAttribute("success", "La feuille est clôturée. Une modification après clôture reste possible : elle est tracée.");
        } catch (DaySheets.CheckInRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/agent/presences/" + activityId + "/" + day;
    }

    @GetMapping("/{activityId}/{day}/pdf")
    ResponseEntity<byte[]> print(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        ActivitySummary activity = managed(activities, staff, activityId);
        byte[] content = pdf.render(sheets.sheet(activity, day));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("feuille-presence-" + activity.code().toLowerCase() + "-" + day + ".pdf").build().toString())
                .body(content);
    }

    /** The activities of the agent's services (every one for an administrator), by name. */
    static List<ActivitySummary> ownActivities(Activities activities, StaffPrincipal staff) {
        return activities.all().stream().filter(a -> staff.isIn(a.serviceGroup())).toList();
    }

    /** The activity if the agent works for its service: unknown is 404, another service's 403. */
    static ActivitySummary managed(Activities activities, StaffPrincipal staff, long activityId) {
        ActivitySummary activity = activities.find(activityId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!staff.isIn(activity.serviceGroup())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return activity;
    }

    private static AttendanceStatus status(String value) {
        if (value == null) {
            throw new DaySheets.CheckInRefused("Choisissez présent ou absent.");
        }
        try {
            return AttendanceStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DaySheets.CheckInRefused("Choisissez présent ou absent.");
        }
    }

    private static LocalTime time(String value, String which) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DaySheets.CheckInRefused("L'heure " + which + " s'écrit HH:MM, par exemple 16:45.");
        }
    }
}
