package fr.portailfamille.activity;

import fr.portailfamille.family.DocumentType;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.security.StaffPrincipal;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The services' pages of the catalogue, under {@code /agent/activites}: an agent manages the
 * activities of its own services (an administrator every one); another service's activity is 403.
 */
@Controller
@RequestMapping("/agent/activites")
class CatalogueController {

    private final Catalogue catalogue;
    private final ActivityRepository activities;
    private final CatalogueStore store;
    private final List<ActivityUsage> usages;

    /** The value of the confirmation page's hidden field: without it, a delete only leads to that page. */
    static final String CONFIRMED = "oui";

    CatalogueController(Catalogue catalogue, ActivityRepository activities, CatalogueStore store, List<ActivityUsage> usages) {
        this.usages = usages;
        this.catalogue = catalogue;
        this.activities = activities;
        this.store = store;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        if (Catalogue.managedGroups(staff).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("activities", catalogue.managedBy(staff).stream().map(Activities::summary).toList());
        return "activity/liste";
    }

    @GetMapping("/nouvelle")
    String createForm(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        ActivityForm form = new ActivityForm();
        form.setServiceGroup(Catalogue.managedGroups(staff).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)));
        return editPage(staff, null, form, model);
    }

    @PostMapping("/nouvelle")
    String create(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute("form") ActivityForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        catalogue.validate(form, true, staff, binding);
        if (binding.hasErrors()) {
            return editPage(staff, null, form, model);
        }
        Activity created = catalogue.create(form);
        redirect.addFlashAttribute("success", "L'activité « " + created.getName() + " » est créée.");
        return "redirect:/agent/activites/" + created.getId();
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
        Activity activity = managed(staff, id);
        return editPage(staff, activity, ActivityForm.of(activity), model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @ModelAttribute("form") ActivityForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Activity activity = managed(staff, id);
        form.setCode(activity.getCode());
        catalogue.validate(form, false, staff, binding);
        if (binding.hasErrors()) {
            return editPage(staff, activity, form, model);
        }
        catalogue.update(id, form);
        redirect.addFlashAttribute("success", "Les modifications sont enregistrées.");
        return "redirect:/agent/activites/" + id;
    }

    @PostMapping("/{id}/periodes")
    String addPeriod(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id,
            @Valid @ModelAttribute("period") PeriodForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Activity activity = managed(staff, id);
        if (!binding.hasErrors()) {
            catalogue.addPeriod(id, form, binding);
        }
        return added(staff, activity, binding, model, redirect, "La période est ajoutée.", "periodes");
    }

    /** « Supprimer » a period: a page says what goes and asks to confirm, or why it may not go. */
    @GetMapping("/{id}/periodes/{periodId}/supprimer")
    String confirmPeriodDeletion(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @PathVariable long periodId, Model model) {
        Activity activity = managed(staff, id);
        ActivityPeriod period = period(id, periodId);
        return confirmation(model, activity, "Supprimer la période « " + period.label() + " » ?",
                "La période du " + PortalTime.DATE.format(period.startDate()) + " au " + PortalTime.DATE.format(period.endDate())
                        + " ne sera plus proposée aux familles (inscriptions et réservations).",
                periodRefusal(period), "/agent/activites/" + id + "/periodes/" + periodId + "/supprimer", "periodes",
                "Supprimer la période");
    }

    @PostMapping("/{id}/periodes/{periodId}/supprimer")
    String deletePeriod(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @PathVariable long periodId,
            @RequestParam(required = false) String confirme, RedirectAttributes redirect) {
        managed(staff, id);
        ActivityPeriod period = period(id, periodId);
        if (!CONFIRMED.equals(confirme)) {
            return "redirect:/agent/activites/" + id + "/periodes/" + periodId + "/supprimer";
        }
        String refusal = periodRefusal(period);
        if (refusal == null) {
            store.deletePeriod(id, periodId);
        }
        return done(redirect, id, refusal, "La période « " + period.label() + " » est supprimée.", "periodes");
    }

    @PostMapping("/{id}/fermetures")
    String addClosure(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id,
            @Valid @ModelAttribute("closure") ClosureForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Activity activity = managed(staff, id);
        if (!binding.hasErrors()) {
            catalogue.addClosure(id, form, binding);
        }
        return added(staff, activity, binding, model, redirect, "Le jour de fermeture est ajouté.", "fermetures");
    }

    @GetMapping("/{id}/fermetures/{closureId}/supprimer")
    String confirmClosureDeletion(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @PathVariable long closureId,
            Model model) {
        Activity activity = managed(staff, id);
        ActivityClosure closure = closure(id, closureId);
        return confirmation(model, activity, "Supprimer le jour de fermeture du " + PortalTime.DATE.format(closure.day()) + " ?",
                "L'activité sera de nouveau ouverte ce jour-là : les familles inscrites pourront le réserver.", null,
                "/agent/activites/" + id + "/fermetures/" + closureId + "/supprimer", "fermetures", "Supprimer le jour de fermeture");
    }

    @PostMapping("/{id}/fermetures/{closureId}/supprimer")
    String deleteClosure(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @PathVariable long closureId,
            @RequestParam(required = false) String confirme, RedirectAttributes redirect) {
        managed(staff, id);
        ActivityClosure closure = closure(id, closureId);
        if (!CONFIRMED.equals(confirme)) {
            return "redirect:/agent/activites/" + id + "/fermetures/" + closureId + "/supprimer";
        }
        store.deleteClosure(id, closureId);
        return done(redirect, id, null, "Le jour de fermeture du " + PortalTime.DATE.format(closure.day()) + " est supprimé.", "fermetures");
    }

    private ActivityPeriod period(long activityId, long periodId) {
        return store.periods(activityId).stream().filter(p -> p.id() == periodId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ActivityClosure closure(long activityId, long closureId) {
        return store.closures(activityId).stream().filter(c -> c.id() == closureId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Why the period may not be deleted (what the other modules hold in it), or null. */
    private String periodRefusal(ActivityPeriod period) {
        List<String> uses = usages.stream().map(u -> u.usesBetween(period.activityId(), period.startDate(), period.endDate()))
                .flatMap(java.util.Optional::stream).toList();
        return uses.isEmpty() ? null : "La période « " + period.label() + " » ne peut pas être supprimée : elle compte encore "
                + String.join(" et ", uses) + ". Retirez-les d'abord, ou laissez la période se terminer.";
    }

    private String confirmation(Model model, Activity activity, String question, String consequence, String refusal, String action,
            String anchor, String button) {
        model.addAttribute("activity", Activities.summary(activity));
        model.addAttribute("question", question);
        model.addAttribute("consequence", consequence);
        model.addAttribute("refusal", refusal);
        model.addAttribute("action", action);
        model.addAttribute("back", "/agent/activites/" + activity.getId() + "#" + anchor);
        model.addAttribute("button", button);
        return "activity/confirmation";
    }

    @GetMapping("/{id}/tarifs")
    String tariffs(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
        return tariffPage(managed(staff, id), new TariffForm(), model);
    }

    @PostMapping("/{id}/tarifs")
    String addTariff(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, @ModelAttribute("tariff") TariffForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Activity activity = managed(staff, id);
        catalogue.addTariffVersion(id, form, staff.userId(), binding);
        if (binding.hasErrors()) {
            if (binding.hasGlobalErrors()) {
                model.addAttribute("tariffGlobalError", binding.getGlobalError().getDefaultMessage());
            }
            return tariffPage(activity, form, model);
        }
        redirect.addFlashAttribute("success", "Le nouveau tarif est enregistré ; il s'applique à partir du "
                + form.getValidFrom().format(fr.portailfamille.system.PortalTime.DATE) + ".");
        return "redirect:/agent/activites/" + id + "/tarifs";
    }

    /** After one of the page's small forms: the page again with the form's errors, or back to its section with a success. */
    private String added(StaffPrincipal staff, Activity activity, BindingResult binding, Model model, RedirectAttributes redirect,
            String success, String anchor) {
        if (binding.hasErrors()) {
            return editPage(staff, activity, ActivityForm.of(activity), model);
        }
        return done(redirect, activity.getId(), null, success, anchor);
    }

    private String done(RedirectAttributes redirect, long id, String problem, String success, String anchor) {
        if (problem == null) {
            redirect.addFlashAttribute("success", success);
        } else {
            redirect.addFlashAttribute(anchor + "Error", problem);
        }
        return "redirect:/agent/activites/" + id + "#" + anchor;
    }

    private Activity managed(StaffPrincipal staff, long id) {
        Activity activity = activities.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!staff.isIn(activity.getServiceGroup())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return activity;
    }

    private String editPage(StaffPrincipal staff, Activity activity, ActivityForm form, Model model) {
        model.addAttribute("activity", activity == null ? null : Activities.summary(activity));
        model.addAttribute("form", form);
        // the choices of the form's fields, value → label, in the order they are offered
        Map<String, String> groups = new LinkedHashMap<>();
        Catalogue.managedGroups(staff).forEach(g -> groups.put(g, StaffGroup.byId(g).orElseThrow().label()));
        model.addAttribute("groups", groups);
        Map<String, String> units = new LinkedHashMap<>();
        Arrays.stream(BookingUnit.values()).forEach(u -> units.put(u.name(), u.label()));
        model.addAttribute("units", units);
        Map<DayOfWeek, String> days = new LinkedHashMap<>(Weekdays.labelMap());
        days.remove(DayOfWeek.SUNDAY);
        model.addAttribute("days", days);
        Map<String, String> documentTypes = new LinkedHashMap<>();
        DocumentType.requirable().forEach(t -> documentTypes.put(t.name(), t.label()));
        model.addAttribute("documentTypes", documentTypes);
        if (activity != null) {
            model.addAttribute("periods", store.periods(activity.getId()));
            model.addAttribute("closures", store.closures(activity.getId()));
            // the two small forms of the page, empty unless one of them was just refused
            if (!model.containsAttribute("period")) {
                model.addAttribute("period", PeriodForm.empty());
            }
            if (!model.containsAttribute("closure")) {
                model.addAttribute("closure", ClosureForm.empty());
            }
        }
        return "activity/edition";
    }

    private String tariffPage(Activity activity, TariffForm form, Model model) {
        model.addAttribute("activity", Activities.summary(activity));
        model.addAttribute("tariff", form);
        model.addAttribute("lines", store.tariffs(activity.getId()));
        return "activity/tarifs";
    }
}
