package fr.portailfamille.agent;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.export.SpreadsheetCsv;
import fr.portailfamille.system.export.StaffExport;
import fr.portailfamille.system.security.StaffPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /agent/exports}: the spreadsheets the modules offer ({@link StaffExport}), each to the groups
 * it names; a service's agent gets the rows of its own activities only. Downloaded as CSV for a
 * French spreadsheet ({@link SpreadsheetCsv}).
 */
@Controller
class ExportsController {

    private final List<StaffExport> exports;
    private final Activities activities;
    private final Clock clock;

    ExportsController(List<StaffExport> exports, Activities activities, Clock clock) {
        this.exports = exports.stream().sorted(Comparator.comparingInt(StaffExport::order)).toList();
        this.activities = activities;
        this.clock = clock;
    }

    @GetMapping("/agent/exports")
    String page(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        return page(staff, model, null, null);
    }

    @GetMapping("/agent/exports/{key}.csv")
    Object download(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String key,
            @RequestParam(name = "mois", required = false) String month, @RequestParam(name = "activite", required = false) String activity,
            Model model) {
        StaffExport export = allowed(staff).stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        YearMonth chosenMonth = null;
        if (export.byMonth()) {
            chosenMonth = month(month);
            if (chosenMonth == null) {
                return page(staff, model, key, "Choisissez un mois entre 2000 et 2100 (AAAA-MM), par exemple " + lastMonth() + ".");
            }
        }
        Long activityId = null;
        if (export.byActivity() && activity != null && !activity.isBlank()) {
            activityId = activitiesOf(staff).stream().filter(a -> String.valueOf(a.id()).equals(activity.strip()))
                    .map(ActivitySummary::id).findFirst().orElse(null);
            if (activityId == null) {
                return page(staff, model, key, "Choisissez une activité de la liste.");
            }
        }
        Set<String> services = everyService(staff) ? Set.of() : Set.copyOf(FamilyAccess.services(staff));
        byte[] csv = SpreadsheetCsv.bytes(export.rows(new StaffExport.Request(chosenMonth, activityId, services)));
        String fileName = export.key() + (chosenMonth == null ? "" : "-" + chosenMonth) + (activityId == null ? "" : "-activite-" + activityId) + ".csv";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SpreadsheetCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(csv);
    }

    private String page(StaffPrincipal staff, Model model, String errorKey, String error) {
        model.addAttribute("exports", allowed(staff));
        model.addAttribute("activities", activitiesOf(staff));
        model.addAttribute("lastMonth", lastMonth().toString());
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("error", error);
        return "agent/exports";
    }

    private List<StaffExport> allowed(StaffPrincipal staff) {
        return exports.stream().filter(e -> e.groups().stream().anyMatch(staff::isIn)).toList();
    }

    private List<ActivitySummary> activitiesOf(StaffPrincipal staff) {
        return activities.all().stream().filter(a -> everyService(staff) || staff.groups().contains(a.serviceGroup()))
                .sorted(Comparator.comparing(ActivitySummary::name)).toList();
    }

    private static boolean everyService(StaffPrincipal staff) {
        return staff.isIn(StaffGroup.GUICHET_UNIQUE.id()) || staff.isIn(StaffGroup.FINANCES.id());
    }

    private YearMonth lastMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    private static YearMonth month(String text) {
        if (text == null || !text.strip().matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            return month.getYear() < 2000 || month.getYear() > 2100 ? null : month;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
