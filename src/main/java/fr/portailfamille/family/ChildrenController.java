package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ChildChangeForm;
import fr.portailfamille.family.FamilyForms.ConsentForm;
import fr.portailfamille.family.FamilyForms.HealthSheetForm;
import fr.portailfamille.family.FamilyForms.PickupForm;
import fr.portailfamille.family.FamilyRecords.ChildDetails;
import fr.portailfamille.system.security.FamilyPrincipal;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** « Mon dossier » › enfants: each child, its health sheet, pick-up persons, consents, and identity change requests. */
@Controller
class ChildrenController {

    private static final String CHILD_PAGE = "family/enfant";

    private final ChildCareService care;
    private final FamilyDetailsStore store;
    private final ChangeRequests changeRequests;

    ChildrenController(ChildCareService care, FamilyDetailsStore store, ChangeRequests changeRequests) {
        this.care = care;
        this.store = store;
        this.changeRequests = changeRequests;
    }

    @GetMapping("/dossier/enfants")
    String children(@CurrentFamily long fileId, Model model) {
        model.addAttribute("file", care.file(fileId).orElseThrow(ChildrenController::notFound));
        return "family/enfants";
    }

    @GetMapping("/dossier/enfants/{childId}")
    String child(@CurrentFamily long fileId, @PathVariable long childId, Model model) {
        return childPage(fileId, ownChild(fileId, childId), model);
    }

    @PostMapping("/dossier/enfants/{childId}/sante")
    String saveHealthSheet(@CurrentFamily long fileId, @PathVariable long childId,
            @Valid @ModelAttribute("healthSheetForm") HealthSheetForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(fileId, childId);
        ChildCareService.validate(form, errors);
        if (errors.hasErrors()) {
            return childPage(fileId, child, model);
        }
        care.saveHealthSheet(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=sante";
    }

    @PostMapping("/dossier/enfants/{childId}/personnes-autorisees")
    String addPickupPerson(@CurrentFamily long fileId, @PathVariable long childId,
            @Valid @ModelAttribute("pickupForm") PickupForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(fileId, childId);
        if (errors.hasErrors()) {
            return childPage(fileId, child, model);
        }
        care.addPickupPerson(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=personne";
    }

    @PostMapping("/dossier/enfants/{childId}/personnes-autorisees/{pickupPersonId}/suppression")
    String removePickupPerson(@CurrentFamily long fileId, @PathVariable long childId,
            @PathVariable long pickupPersonId) {
        ownChild(fileId, childId);
        if (!care.removePickupPerson(childId, pickupPersonId)) {
            throw notFound();
        }
        return "redirect:/dossier/enfants/" + childId + "?enregistre=suppression";
    }

    @PostMapping("/dossier/enfants/{childId}/consentements")
    String saveConsents(@CurrentFamily long fileId, @PathVariable long childId,
            @ModelAttribute("consentForm") ConsentForm form) {
        ownChild(fileId, childId);
        care.saveConsents(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=consentements";
    }

    @PostMapping("/dossier/enfants/{childId}/demande-modification")
    String requestChange(@AuthenticationPrincipal FamilyPrincipal family, @CurrentFamily long fileId, @PathVariable long childId,
            @Valid @ModelAttribute("childChangeForm") ChildChangeForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(fileId, childId);
        changeRequests.validate(form, errors);
        if (errors.hasErrors()) {
            return childPage(fileId, child, model);
        }
        changeRequests.requestChildChange(fileId, childId, form, family.getUsername());
        return "redirect:/dossier/enfants/" + childId + "?enregistre=demande";
    }

    /** The family's own child, or a 404: another family's child is never shown nor changed. */
    private ChildDetails ownChild(long fileId, long childId) {
        return care.child(fileId, childId).orElseThrow(ChildrenController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The child's page; the forms not being shown again with their errors are filled from the file. */
    private String childPage(long fileId, ChildDetails child, Model model) {
        if (!model.containsAttribute("healthSheetForm")) {
            model.addAttribute("healthSheetForm", HealthSheetForm.of(store.healthSheet(child.id()).orElse(null)));
        }
        if (!model.containsAttribute("consentForm")) {
            model.addAttribute("consentForm", ConsentForm.of(store.consents(child.id()).orElse(null)));
        }
        model.addAttribute("child", child);
        model.addAttribute("pickupPersons", store.pickupPersons(child.id()));
        model.addAttribute("consents", store.consents(child.id()).orElse(null));
        model.addAttribute("healthSheet", store.healthSheet(child.id()).orElse(null));
        model.addAttribute("requests", changeRequests.list(fileId).stream()
                .filter(r -> Objects.equals(r.childId(), child.id())).toList());
        if (!model.containsAttribute("pickupForm")) {
            model.addAttribute("pickupForm", new PickupForm());
        }
        if (!model.containsAttribute("childChangeForm")) {
            model.addAttribute("childChangeForm", new ChildChangeForm());
        }
        return CHILD_PAGE;
    }
}
