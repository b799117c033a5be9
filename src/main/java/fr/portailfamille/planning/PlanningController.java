package fr.portailfamille.planning;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.security.FamilyPrincipal;
import fr.portailfamille.system.web.DateParameters;
import fr.portailfamille.system.web.OnceOnly;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Planning » (guide II-3): choose the activity and the month, see it « par activité » (every
 * child at one activity) or « par enfant » (every activity of one child), « Modifier » → tick the
 * days → « Enregistrer ». Every id a request carries is checked against the family of the account:
 * another family's child is a 404.
 */
@Controller
class PlanningController {

    static final String DEFAULT_ACTIVITY = "CENTRE_LOISIRS";

    private final PlanningService planning;
    private final Activities activities;
    private final Clock clock;
    private final List<PlanningDayNotes> dayNotes;

    PlanningController(PlanningService planning, Activities activities, Clock clock, List<PlanningDayNotes> dayNotes) {
        this.dayNotes = dayNotes;
        this.planning = planning;
        this.activities = activities;
        this.clock = clock;
    }

    @GetMapping("/planning")
    String planning(@CurrentFamily FamilySummary family,
            @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "mois", required = false) String monthParam,
            @RequestParam(name = "vue", defaultValue = "activite") String view,
            @RequestParam(name = "enfant", required = false) Long childId, Model model) {
        model.addAttribute("activeModule", "planning");
        if (family.children().isEmpty()) {
            model.addAttribute("noChildren", true);
            return "planning/planning";
        }
        YearMonth month = month(monthParam);
        List<ActivitySummary> all = activities.all();
        ActivitySummary activity = activityId == null ? defaultActivity(all) : activity(activityId);
        boolean byChild = "enfant".equals(view);
        ChildSummary child = childId == null ? family.children().get(0) : child(family, childId);
        List<PlanningService.ChildMonth> sections = new ArrayList<>();
        if (byChild) {
            for (ActivitySummary a : all) {
                PlanningService.ChildMonth m = planning.month(family.id(), List.of(child), a, month).get(0);
                if (m.registered() || a.id() == activity.id()) {
                    sections.add(m);
                }
            }
        } else {
            sections.addAll(planning.month(family.id(), family.children(), activity, month));
        }
        model.addAttribute("family", family);
        model.addAttribute("activities", all);
        model.addAttribute("activity", activity);
        model.addAttribute("child", child);
        model.addAttribute("byChild", byChild);
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", PlanningService.monthLabel(month));
        model.addAttribute("months", monthChoices(month));
        model.addAttribute("sections", sections);
        // per section: day → what other modules say of it (the state of a declared absence)
        List<Map<LocalDate, PlanningDayNotes.Note>> notes = new ArrayList<>();
        Map<Long, Map<Long, Map<LocalDate, PlanningDayNotes.Note>>> byActivity = new HashMap<>();
        for (PlanningService.ChildMonth s : sections) {
            Map<Long, Map<LocalDate, PlanningDayNotes.Note>> ofActivity = byActivity.computeIfAbsent(s.activity().id(), id -> {
                Map<Long, Map<LocalDate, PlanningDayNotes.Note>> merged = new HashMap<>();
                dayNotes.forEach(n -> n.of(family.id(), id, month).forEach((c, days) -> merged.computeIfAbsent(c, k -> new HashMap<>()).putAll(days)));
                return merged;
            });
            notes.add(ofActivity.getOrDefault(s.child().id(), Map.of()));
        }
        model.addAttribute("notes", notes);
        return "planning/planning";
    }

    @GetMapping("/planning/modifier")
    String edit(@CurrentFamily FamilySummary family, @RequestParam("enfant") long childId,
            @RequestParam("activite") long activityId, @RequestParam(name = "mois", required = false) String monthParam, Model model) {
        ChildSummary child = child(family, childId);
        ActivitySummary activity = activity(activityId);
        YearMonth month = month(monthParam);
        model.addAttribute("activeModule", "planning");
        model.addAttribute("family", family);
        model.addAttribute("child", child);
        model.addAttribute("activity", activity);
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", PlanningService.monthLabel(month));
        model.addAttribute("section", planning.month(family.id(), List.of(child), activity, month).get(0));
        return "planning/modifier";
    }

    @OnceOnly
    @PostMapping("/planning/modifier")
    String save(@AuthenticationPrincipal FamilyPrincipal principal, @CurrentFamily FamilySummary family, @RequestParam("enfant") long childId,
            @RequestParam("activite") long activityId, @RequestParam("mois") String monthParam,
            @RequestParam(name = "jours", required = false) List<String> days, RedirectAttributes redirect) {
        ChildSummary child = child(family, childId);
        ActivitySummary activity = activity(activityId);
        YearMonth month = month(monthParam);
        Set<LocalDate> ticked = new LinkedHashSet<>();
        for (String day : days == null ? List.<String>of() : days) {
            try {
                LocalDate parsed = LocalDate.parse(day);
                if (YearMonth.from(parsed).equals(month)) {
                    ticked.add(parsed);
                }
            } catch (DateTimeParseException e) {
                // a day the page never offered: ignored, like any other unknown field
            }
        }
        List<PlanningService.ReportLine> report = planning.saveMonth(family.id(), child, activity, month, ticked, principal.getUsername());
        redirect.addFlashAttribute("report", report);
        redirect.addAttribute("enfant", childId);
        redirect.addAttribute("activite", activityId);
        redirect.addAttribute("mois", month.toString());
        return "redirect:/planning/modifier";
    }

    /** The family's own child, or a 404: ids of other families' children are never shown nor changed. */
    static ChildSummary child(FamilySummary family, long childId) {
        return family.children().stream().filter(c -> c.id() == childId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    ActivitySummary activity(long activityId) {
        return activities.find(activityId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    ActivitySummary defaultActivity(List<ActivitySummary> all) {
        return all.stream().filter(a -> DEFAULT_ACTIVITY.equals(a.code())).findFirst()
                .orElseGet(() -> all.stream().findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The month asked ({@code mois}); the current one when absent or unreadable; a 400 outside the years the portal knows. */
    YearMonth month(String value) {
        return DateParameters.month(value, YearMonth.now(clock));
    }

    /** The months offered in the month list: from last month to a year ahead (and the one shown). */
    List<MonthChoice> monthChoices(YearMonth shown) {
        YearMonth now = YearMonth.now(clock);
        List<MonthChoice> choices = new ArrayList<>();
        for (YearMonth m = now.minusMonths(1); !m.isAfter(now.plusMonths(12)); m = m.plusMonths(1)) {
            choices.add(new MonthChoice(m.toString(), PlanningService.monthLabel(m)));
        }
        if (choices.stream().noneMatch(c -> c.value().equals(shown.toString()))) {
            choices.add(new MonthChoice(shown.toString(), PlanningService.monthLabel(shown)));
        }
        return choices;
    }

    /** Public, like the planning's days, for the templates' compiled expressions (see {@link PlanningService.DayCell}). */
    public record MonthChoice(String value, String label) {}
}
