package fr.portailfamille.attendance;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.planning.WaitingLists;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.DateParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Taux d'occupation » under {@code /agent/occupation}: for an activity of the agent's services,
 * the month or the week day by day (capacity, booked, waiting, closed) with the chart of the
 * occupancy rate; a day's waiting list with « proposer la place » and « retirer ».
 */
@Controller
@RequestMapping("/agent/occupation")
class OccupancyController {


    private final Activities activities;
    private final Occupancy occupancy;
    private final WaitingLists waitingLists;
    private final Clock clock;

    OccupancyController(Activities activities, Occupancy occupancy, WaitingLists waitingLists, Clock clock) {
        this.activities = activities;
        this.occupancy = occupancy;
        this.waitingLists = waitingLists;
        this.clock = clock;
    }

    @GetMapping
    String choose(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        List<ActivitySummary> own = DaySheetController.ownActivities(activities, staff);
        if (own.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("activities", own);
        return "attendance/occupation-choix";
    }

    @GetMapping("/{activityId}")
    String view(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @RequestParam(name = "mois", required = false) String monthParam,
            @RequestParam(name = "semaine", required = false) String weekParam, Model model) {
        ActivitySummary activity = DaySheetController.managed(activities, staff, activityId);
        LocalDate today = LocalDate.now(clock);
        LocalDate from;
        LocalDate to;
        String title;
        LocalDate week = parseDay(weekParam);
        if (week != null) {
            from = week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusDays(6);
            title = "Semaine du " + PortalTime.DATE.format(from);
            model.addAttribute("previousLink", "?semaine=" + from.minusWeeks(1));
            model.addAttribute("nextLink", "?semaine=" + from.plusWeeks(1));
            model.addAttribute("otherView", "?mois=" + YearMonth.from(from));
            model.addAttribute("otherViewLabel", "Voir le mois");
        } else {
            YearMonth month = parseMonth(monthParam, YearMonth.from(today));
            from = month.atDay(1);
            to = month.atEndOfMonth();
            String label = PortalTime.MONTH.format(month);
            title = Character.toUpperCase(label.charAt(0)) + label.substring(1);
            model.addAttribute("previousLink", "?mois=" + month.minusMonths(1));
            model.addAttribute("nextLink", "?mois=" + month.plusMonths(1));
            LocalDate firstWeek = month.equals(YearMonth.from(today)) ? today : from;
            model.addAttribute("otherView", "?semaine=" + firstWeek);
            model.addAttribute("otherViewLabel", "Voir la semaine");
        }
        List<Occupancy.DayLine> days = occupancy.days(activity, from, to);
        model.addAttribute("activity", activity);
        model.addAttribute("period", title);
        model.addAttribute("days", days);
        model.addAttribute("chartLabels", days.stream().map(d -> String.valueOf(d.day().getDayOfMonth())).collect(Collectors.joining(",")));
        model.addAttribute("chartRates", days.stream().map(d -> d.open() ? String.valueOf(d.rate()) : "").collect(Collectors.joining(",")));
        return "attendance/occupation";
    }

    @GetMapping("/{activityId}/{day}")
    String day(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        ActivitySummary activity = DaySheetController.managed(activities, staff, activityId);
        model.addAttribute("activity", activity);
        model.addAttribute("line", occupancy.day(activity, day));
        model.addAttribute("waiting", occupancy.waitingList(activity, day));
        return "attendance/occupation-jour";
    }

    @PostMapping("/{activityId}/{day}/attente/{bookingId}/proposer")
    String offer(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @PathVariable long bookingId,
            RedirectAttributes redirect) {
        ActivitySummary activity = DaySheetController.managed(activities, staff, activityId);
        return done(redirect, activityId, day, waitingLists.offerPlace(activityId, day, bookingId, activity.capacityPerDay(), staff.userId()));
    }

    @PostMapping("/{activityId}/{day}/attente/{bookingId}/retirer")
    String withdraw(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long activityId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @PathVariable long bookingId,
            RedirectAttributes redirect) {
        DaySheetController.managed(activities, staff, activityId);
        return done(redirect, activityId, day, waitingLists.withdraw(activityId, day, bookingId, staff.userId()));
    }

    private static String done(RedirectAttributes redirect, long activityId, LocalDate day, WaitingLists.Outcome outcome) {
        redirect.addFlashAttribute(outcome.done() ? "success" : "error", outcome.message());
        return "redirect:/agent/occupation/" + activityId + "/" + day;
    }

    private static LocalDate parseDay(String value) {
        try {
            return value == null || value.isBlank() ? null : DateParameters.checked(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static YearMonth parseMonth(String value, YearMonth fallback) {
        return DateParameters.month(value, fallback);
    }
}
