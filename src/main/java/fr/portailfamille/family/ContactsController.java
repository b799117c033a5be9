package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.ContactsForm;
import fr.portailfamille.family.FamilyForms.QuotientChangeForm;
import fr.portailfamille.family.FamilyRecords.ChangeSubject;
import fr.portailfamille.family.FamilyRecords.FileDetails;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** « Mon dossier » › coordonnées: phones, e-mails and address with their history; the quotient familial and its change requests. */
@Controller
class ContactsController {

    private static final String PAGE = "family/coordonnees";

    private final MyFamilyFile myFile;
    private final ChildCareService care;
    private final ContactService contacts;
    private final FamilyDetailsStore store;
    private final ChangeRequests changeRequests;
    private final Clock clock;

    ContactsController(MyFamilyFile myFile, ChildCareService care, ContactService contacts, FamilyDetailsStore store,
            ChangeRequests changeRequests, Clock clock) {
        this.myFile = myFile;
        this.care = care;
        this.contacts = contacts;
        this.store = store;
        this.changeRequests = changeRequests;
        this.clock = clock;
    }

    @GetMapping("/dossier/coordonnees")
    String contacts(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        FileDetails file = file(family);
        model.addAttribute("contactsForm", ContactsForm.of(file));
        return page(file, model);
    }

    @PostMapping("/dossier/coordonnees")
    String saveContacts(@AuthenticationPrincipal FamilyPrincipal family, @ModelAttribute("contactsForm") ContactsForm form,
            BindingResult errors, Model model) {
        FileDetails file = file(family);
        ContactService.validate(form, errors);
        if (errors.hasErrors()) {
            return page(file, model);
        }
        if (!contacts.update(file.id(), form, family.getUsername())) {
            throw MyFamilyFile.notFound();
        }
        return "redirect:/dossier/coordonnees?enregistre";
    }

    @PostMapping("/dossier/coordonnees/quotient")
    String requestQuotientChange(@AuthenticationPrincipal FamilyPrincipal family,
            @ModelAttribute("quotientChangeForm") QuotientChangeForm form, BindingResult errors, Model model) {
        FileDetails file = file(family);
        changeRequests.validate(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("contactsForm", ContactsForm.of(file));
            return page(file, model);
        }
        changeRequests.requestQuotientChange(file.id(), form, family.getUsername());
        return "redirect:/dossier/coordonnees?demande";
    }

    private FileDetails file(FamilyPrincipal family) {
        return care.file(myFile.idOf(family)).orElseThrow(MyFamilyFile::notFound);
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
