package fr.portailfamille.attendance;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.export.Spreadsheet;
import fr.portailfamille.system.export.SpreadsheetCsv;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.DateParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * « Rapport CAF — prestation de service » under {@code /agent/rapport-caf}: for an activity and a
 * month (the month just ended by default), the page, its CSV and its PDF. Finances and the Guichet
 * Unique see every activity, a service its own activities only.
 */
@Controller
@RequestMapping("/agent/rapport-caf")
class CafReportController {

    private final Activities activities;
    private final CafReport reports;
    private final CafReportPdf pdf;
    private final Clock clock;

    CafReportController(Activities activities, CafReport reports, CafReportPdf pdf, Clock clock) {
        this.activities = activities;
        this.reports = reports;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping
    String choose(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        List<ActivitySummary> reportable = activities.all().stream().filter(a -> allowed(staff, a))
                .sorted(Comparator.comparing(ActivitySummary::name)).toList();
        if (reportable.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("activities", reportable);
        model.addAttribute("lastMonth", lastMonth());
        return "attendance/rapport-caf-choix";
    }

    @GetMapping("/{activityId}")
    String page(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @RequestParam(name = "mois", required = false) String month, Model model) {
        ActivitySummary activity = reportable(staff, activityId);
        YearMonth chosen = DateParameters.month(month, lastMonth());
        model.addAttribute("report", reports.of(activity, chosen));
        model.addAttribute("month", chosen.toString());
        model.addAttribute("previousMonth", chosen.minusMonths(1).toString());
        model.addAttribute("nextMonth", chosen.plusMonths(1).toString());
        model.addAttribute("notEnded", !chosen.isBefore(YearMonth.now(clock)));
        return "attendance/rapport-caf";
    }

    @GetMapping("/{activityId}/csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @RequestParam(name = "mois", required = false) String month) {
        ActivitySummary activity = reportable(staff, activityId);
        CafReport.Report report = reports.of(activity, DateParameters.month(month, lastMonth()));
        List<List<Object>> rows = new ArrayList<>();
        for (CafReport.Line line : report.lines()) {
            rows.add(List.of(activity.name(), report.month().toString(), report.unit(), line.scheme(), line.ageBand(),
                    line.figures().booked(), line.figures().realised(), line.figures().billed()));
        }
        byte[] content = SpreadsheetCsv.bytes(new Spreadsheet(List.of("Activité", "Mois", "Unité", "Régime", "Âge", "Réservés",
                "Réalisés", "Facturés"), rows));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SpreadsheetCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(report, "csv"), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @GetMapping("/{activityId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @RequestParam(name = "mois", required = false) String month) {
        ActivitySummary activity = reportable(staff, activityId);
        CafReport.Report report = reports.of(activity, DateParameters.month(month, lastMonth()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(report, "pdf"), StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(report, LocalDate.now(clock)));
    }

    private static String fileName(CafReport.Report report, String extension) {
        return "rapport-caf-" + report.activity().code().toLowerCase() + "-" + report.month() + "." + extension;
    }

    private YearMonth lastMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** Finances and the Guichet Unique report on every activity, a service on its own: unknown is 404, another service's 403. */
    private ActivitySummary reportable(StaffPrincipal staff, long activityId) {
        ActivitySummary activity = activities.find(activityId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!allowed(staff, activity)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return activity;
    }

    private static boolean allowed(StaffPrincipal staff, ActivitySummary activity) {
        return staff.isIn(StaffGroup.FINANCES.id()) || staff.isIn(StaffGroup.GUICHET_UNIQUE.id()) || staff.isIn(activity.serviceGroup());
    }
}
