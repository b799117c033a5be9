package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ContactsForm;
import fr.portailfamille.family.FamilyForms.QuotientChangeForm;
import fr.portailfamille.family.FamilyRecords.ChangeSubject;
import fr.portailfamille.family.FamilyRecords.FileDetails;
import fr.portailfamille.system.security.FamilyPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** « Mon dossier » › coordonnées: phones, e-mails and address with their history; the quotient familial and its change requests. */
@Controller
class ContactsController {

    private static final String PAGE = "family/coordonnees";

    private final ChildCareService care;
    private final ContactService contacts;
    private final FamilyDetailsStore store;
    private final ChangeRequests changeRequests;
    private final Clock clock;

    ContactsController(ChildCareService care, ContactService contacts, FamilyDetailsStore store,
            ChangeRequests changeRequests, Clock clock) {
        this.care = care;
        this.contacts = contacts;
        this.store = store;
        this.changeRequests = changeRequests;
        this.clock = clock;
    }

    @GetMapping("/dossier/coordonnees")
    String contacts(@CurrentFamily long fileId, Model model) {
        FileDetails file = file(fileId);
        model.addAttribute("contactsForm", ContactsForm.of(file));
        return page(file, model);
    }

    @PostMapping("/dossier/coordonnees")
    String saveContacts(@AuthenticationPrincipal FamilyPrincipal family, @CurrentFamily long fileId, @Valid @ModelAttribute("contactsForm") ContactsForm form,
            BindingResult errors, Model model) {
        FileDetails file = file(fileId);
        if (errors.hasErrors()) {
            return page(file, model);
        }
        if (!contacts.update(file.id(), form, family.getUsername())) {
            throw notFound();
        }
        return "redirect:/dossier/coordonnees?enregistre";
    }

    @PostMapping("/dossier/coordonnees/quotient")
    String requestQuotientChange(@AuthenticationPrincipal FamilyPrincipal family, @CurrentFamily long fileId,
            @Valid @ModelAttribute("quotientChangeForm") QuotientChangeForm form, BindingResult errors, Model model) {
        FileDetails file = file(fileId);
        changeRequests.validate(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("contactsForm", ContactsForm.of(file));
            return page(file, model);
        }
        changeRequests.requestQuotientChange(file.id(), form, family.getUsername());
        return "redirect:/dossier/coordonnees?demande";
    }

    private FileDetails file(long fileId) {
        return care.file(fileId).orElseThrow(ContactsController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String page(FileDetails file, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("history", contacts.history(file.id()));
        model.addAttribute("quotient", store.quotientOn(file.id(), LocalDate.now(clock)).orElse(null));
        model.addAttribute("requests", changeRequests.list(file.id()).stream()
                .filter(r -> r.subject() == ChangeSubject.QUOTIENT).toList());
        if (!model.containsAttribute("quotientChangeForm")) {
            model.addAttribute("quotientChangeForm", new QuotientChangeForm());
        }
        return PAGE;
    }
}
