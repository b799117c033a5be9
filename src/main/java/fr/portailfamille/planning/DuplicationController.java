package fr.portailfamille.planning;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.security.FamilyPrincipal;
import fr.portailfamille.system.web.DateParameters;
import fr.portailfamille.system.web.OnceOnly;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « dupliquer des réservations » (guide II-3): the source child's bookings of an activity between
 * two dates copied to the ticked brothers and sisters, each rule applied to each target; the answer
 * is a report per target and day. Source and targets must be children of the family (else 404).
 */
@Controller
class DuplicationController {

    /** A duplication covers at most this many days (a school year and a bit). */
    static final long MAX_DAYS = 400;

    private final PlanningService planning;
    private final PlanningController pages;
    private final Activities activities;
    private final Clock clock;

    DuplicationController(PlanningService planning, PlanningController pages, Activities activities, Clock clock) {
        this.planning = planning;
        this.pages = pages;
        this.activities = activities;
        this.clock = clock;
    }

    @GetMapping("/planning/dupliquer")
    String form(@CurrentFamily FamilySummary family, @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "source", required = false) Long sourceId, Model model) {
        if (family.children().isEmpty()) {
            return "redirect:/planning";
        }
        DuplicationForm form = new DuplicationForm();
        form.setActivite(activityId == null ? pages.defaultActivity(activities.all()).id() : pages.activity(activityId).id());
        form.setSource(sourceId == null ? family.children().get(0).id() : PlanningController.child(family, sourceId).id());
        YearMonth month = YearMonth.now(clock);
        form.setDu(month.plusMonths(1).atDay(1));
        form.setAu(month.plusMonths(1).atEndOfMonth());
        return page(family, form, model);
    }

    @OnceOnly
    @PostMapping("/planning/dupliquer")
    String duplicate(@AuthenticationPrincipal FamilyPrincipal principal, @CurrentFamily FamilySummary family,
            @Valid @ModelAttribute("form") DuplicationForm form, BindingResult binding, Model model) {
        if (form.getDu() != null && !DateParameters.inRange(form.getDu())) {
            binding.rejectValue("du", "range", "Saisissez une date de début entre " + DateParameters.FIRST_YEAR + " et "
                    + DateParameters.LAST_YEAR + ".");
        } else if (form.getAu() != null && !DateParameters.inRange(form.getAu())) {
            binding.rejectValue("au", "range", "Saisissez une date de fin entre " + DateParameters.FIRST_YEAR + " et "
                    + DateParameters.LAST_YEAR + ".");
        } else if (form.getDu() != null && form.getAu() != null) {
            if (form.getAu().isBefore(form.getDu())) {
                binding.rejectValue("au", "order", "La date de fin doit être après la date de début.");
            } else if (ChronoUnit.DAYS.between(form.getDu(), form.getAu()) > MAX_DAYS) {
                binding.rejectValue("au", "range", "Dupliquez au plus une année scolaire à la fois.");
            }
        }
        ActivitySummary activity = form.getActivite() == null ? null : pages.activity(form.getActivite());
        ChildSummary source = form.getSource() == null ? null : PlanningController.child(family, form.getSource());
        List<ChildSummary> targets = new ArrayList<>();
        for (Long id : form.getCibles()) {
            if (id != null && (source == null || id != source.id())) {
                targets.add(PlanningController.child(family, id));
            }
        }
        if (targets.isEmpty()) {
            binding.rejectValue("cibles", "required", "Cochez au moins une personne cible, autre que la personne source.");
        }
        if (binding.hasErrors()) {
            return page(family, form, model);
        }
        List<PlanningService.ReportLine> report = planning.duplicate(family.id(), activity, source, targets, form.getDu(), form.getAu(),
                principal.getUsername());
        model.addAttribute("report", report);
        model.addAttribute("reportActivity", activity);
        model.addAttribute("reportSource", source);
        return page(family, form, model);
    }

    private String page(FamilySummary family, DuplicationForm form, Model model) {
        model.addAttribute("activeModule", "planning");
        model.addAttribute("family", family);
        // the choices of the form's fields, value → label
        Map<Long, String> activityChoices = new LinkedHashMap<>();
        activities.all().forEach(a -> activityChoices.put(a.id(), a.name()));
        model.addAttribute("activities", activityChoices);
        Map<Long, String> children = new LinkedHashMap<>();
        family.children().forEach(c -> children.put(c.id(), c.firstName() + " " + c.lastName()));
        model.addAttribute("children", children);
        model.addAttribute("form", form);
        return "planning/dupliquer";
    }
}
