package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ChildChangeForm;
import fr.portailfamille.family.FamilyForms.ConsentForm;
import fr.portailfamille.family.FamilyForms.HealthSheetForm;
import fr.portailfamille.family.FamilyForms.PickupForm;
import fr.portailfamille.family.FamilyRecords.ChildDetails;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** « Mon dossier » › enfants: each child, its health sheet, pick-up persons, consents, and identity change requests. */
@Controller
class ChildrenController {

    private static final String CHILD_PAGE = "family/enfant";

    private final MyFamilyFile myFile;
    private final ChildCareService care;
    private final FamilyDetailsStore store;
    private final ChangeRequests changeRequests;

    ChildrenController(MyFamilyFile myFile, ChildCareService care, FamilyDetailsStore store, ChangeRequests changeRequests) {
        this.myFile = myFile;
        this.care = care;
        this.store = store;
        this.changeRequests = changeRequests;
    }

    @GetMapping("/dossier/enfants")
    String children(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        model.addAttribute("file", care.file(myFile.idOf(family)).orElseThrow(MyFamilyFile::notFound));
        return "family/enfants";
    }

    @GetMapping("/dossier/enfants/{childId}")
    String child(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId, Model model) {
        return childPage(family, ownChild(family, childId), model);
    }

    @PostMapping("/dossier/enfants/{childId}/sante")
    String saveHealthSheet(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId,
            @ModelAttribute("healthSheetForm") HealthSheetForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(family, childId);
        ChildCareService.validate(form, errors);
        if (errors.hasErrors()) {
            return childPage(family, child, model);
        }
        care.saveHealthSheet(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=sante";
    }

    @PostMapping("/dossier/enfants/{childId}/personnes-autorisees")
    String addPickupPerson(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId,
            @ModelAttribute("pickupForm") PickupForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(family, childId);
        ChildCareService.validate(form, errors);
        if (errors.hasErrors()) {
            return childPage(family, child, model);
        }
        care.addPickupPerson(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=personne";
    }

    @PostMapping("/dossier/enfants/{childId}/personnes-autorisees/{pickupPersonId}/suppression")
    String removePickupPerson(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId,
            @PathVariable long pickupPersonId) {
        ownChild(family, childId);
        if (!care.removePickupPerson(childId, pickupPersonId)) {
            throw MyFamilyFile.notFound();
        }
        return "redirect:/dossier/enfants/" + childId + "?enregistre=suppression";
    }

    @PostMapping("/dossier/enfants/{childId}/consentements")
    String saveConsents(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId,
            @ModelAttribute("consentForm") ConsentForm form) {
        ownChild(family, childId);
        care.saveConsents(childId, form);
        return "redirect:/dossier/enfants/" + childId + "?enregistre=consentements";
    }

    @PostMapping("/dossier/enfants/{childId}/demande-modification")
    String requestChange(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long childId,
            @ModelAttribute("childChangeForm") ChildChangeForm form, BindingResult errors, Model model) {
        ChildDetails child = ownChild(family, childId);
        changeRequests.validate(form, errors);
        if (errors.hasErrors()) {
            return childPage(family, child, model);
        }
        changeRequests.requestChildChange(myFile.idOf(family), childId, form, family.getUsername());
        return "redirect:/dossier/enfants/" + childId + "?enregistre=demande";
    }

    private ChildDetails ownChild(FamilyPrincipal family, long childId) {
        return care.child(myFile.idOf(family), childId).orElseThrow(MyFamilyFile::notFound);
    }

    /** The child's page; the forms not being shown again with their errors are filled from the file. */
    private String childPage(FamilyPrincipal family, ChildDetails child, Model model) {
        long fileId = myFile.idOf(family);
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
