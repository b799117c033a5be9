package fr.portailfamille.registration;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityPeriod;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.Weekdays;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.web.OnceOnly;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The family's « Inscriptions » tab: its registrations and their state, new requests, withdrawals. */
@Controller
class RegistrationController {

    private final Activities activities;
    private final PreRegistrations preRegistrations;
    private final Registrations registrations;

    RegistrationController(Activities activities, PreRegistrations preRegistrations, Registrations registrations) {
        this.activities = activities;
        this.preRegistrations = preRegistrations;
        this.registrations = registrations;
    }

    @GetMapping("/inscriptions")
    String list(@CurrentFamily FamilySummary family, Model model) {
        model.addAttribute("family", family);
        List<ActivitySummary> catalogue = activities.all();
        model.addAttribute("lines", registrations.linesOfFamily(family, catalogue));
        model.addAttribute("activities", catalogue);
        Map<Long, ActivityPeriod> periods = preRegistrations.registrationPeriods();
        Map<ChildSummary, List<RegistrationChoice>> choices = new LinkedHashMap<>();
        for (ChildSummary child : family.children()) {
            choices.put(child, preRegistrations.choices(child, catalogue, periods));
        }
        model.addAttribute("choices", choices);
        return "registration/inscriptions";
    }

    @GetMapping("/inscriptions/inscrire")
    String form(@CurrentFamily FamilySummary family, @RequestParam(name = "activite", required = false) Long activityId,
            @RequestParam(name = "enfant", required = false) Long childId, Model model, RedirectAttributes redirect) {
        if (activityId == null || childId == null) {
            redirect.addFlashAttribute("error", "Choisissez une activité et un enfant, puis « Inscrire ».");
            return "redirect:/inscriptions";
        }
        ChildSummary child = preRegistrations.childOf(family, childId).orElseThrow(RegistrationController::notFound);
        ActivitySummary activity = activities.find(activityId).orElseThrow(RegistrationController::notFound);
        return formPage(child, activity, EnumSet.noneOf(DayOfWeek.class), null, model);
    }

    @OnceOnly
    @PostMapping("/inscriptions/inscrire")
    String register(@CurrentFamily FamilySummary family, @RequestParam(name = "activite") long activityId,
            @RequestParam(name = "enfant") long childId, @RequestParam(name = "jours", required = false) List<String> days,
            Model model, RedirectAttributes redirect) {
        ChildSummary child = preRegistrations.childOf(family, childId).orElseThrow(RegistrationController::notFound);
        ActivitySummary activity = activities.find(activityId).orElseThrow(RegistrationController::notFound);
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days == null ? List.<String>of() : days) {
            try {
                weekdays.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException e) {
                return formPage(child, activity, weekdays, "Choisissez les jours dans la liste.", model);
            }
        }
        try {
            preRegistrations.register(family, childId, activity, weekdays);
        } catch (PreRegistrations.RefusedRequest refused) {
            return formPage(child, activity, weekdays, refused.getMessage(), model);
        } catch (org.springframework.dao.DataIntegrityViolationException duplicate) {
            return formPage(child, activity, weekdays, "Une demande est déjà enregistrée pour " + child.firstName() + " à cette activité.", model);
        }
        redirect.addFlashAttribute("success", "Votre demande d'inscription de " + child.firstName() + " à « " + activity.name()
                + " » est enregistrée. Elle est en attente de validation par le service.");
        return "redirect:/inscriptions";
    }

    @PostMapping("/inscriptions/{id}/retirer")
    String withdraw(@CurrentFamily FamilySummary family, @PathVariable long id, RedirectAttributes redirect) {
        try {
            preRegistrations.withdraw(family.id(), id);
            redirect.addFlashAttribute("success", "Votre demande est retirée.");
        } catch (IllegalArgumentException unknown) {
            throw notFound();
        } catch (PreRegistrations.RefusedRequest refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/inscriptions";
    }

    private String formPage(ChildSummary child, ActivitySummary activity, Set<DayOfWeek> ticked, String error, Model model) {
        RegistrationChoice choice = preRegistrations.choice(child, activity);
        model.addAttribute("child", child);
        model.addAttribute("activity", activity);
        model.addAttribute("choice", choice);
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek day : activity.weekdays().stream().sorted().toList()) {
            days.add(Map.of("value", day.name(), "label", Weekdays.label(day), "checked", ticked.contains(day)));
        }
        model.addAttribute("days", days);
        model.addAttribute("error", error);
        return "registration/inscrire";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
