package fr.portailfamille.debit;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.OnceOnly;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /agent/prelevement/{file number}} (Guichet Unique, finances): a family's mandate and its
 * history, and « Enregistrer un mandat papier » for a family who signed the paper form at the desk.
 */
@Controller
class DebitStaffController {

    private final Mandates mandates;
    private final FamilyFiles families;
    private final DebitProperties properties;
    private final Clock clock;

    DebitStaffController(Mandates mandates, FamilyFiles families, DebitProperties properties, Clock clock) {
        this.mandates = mandates;
        this.families = families;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/agent/prelevement/{fileId}")
    String page(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String fileId, Model model) {
        FamilySummary family = allowed(staff, fileId);
        PaperMandateForm form = new PaperMandateForm();
        form.setSignedOn(LocalDate.now(clock));
        return show(family, model, form);
    }

    @OnceOnly
    @PostMapping("/agent/prelevement/{fileId}")
    String recordPaper(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String fileId,
            @Valid @ModelAttribute("form") PaperMandateForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        FamilySummary family = allowed(staff, fileId);
        form.checkBic(errors);
        form.checkPaperDate(LocalDate.now(clock), errors);
        if (!errors.hasErrors()) {
            mandates.sign(family.id(), form, Mandate.Channel.PAPIER, staff.userId(), errors);
        }
        if (errors.hasErrors()) {
            return show(family, model, form);
        }
        redirect.addFlashAttribute("done", "Le mandat papier est enregistré ; la famille en reçoit le PDF par courriel.");
        return "redirect:/agent/prelevement/" + family.number();
    }

    private String show(FamilySummary family, Model model, PaperMandateForm form) {
        model.addAttribute("family", family);
        model.addAttribute("mandate", mandates.live(family.id()).orElse(null));
        model.addAttribute("events", mandates.events(family.id()));
        model.addAttribute("creditorId", properties.creditorId());
        model.addAttribute("form", form);
        return "debit/agent-mandat";
    }

    /** The family by its file number (or internal id), for an agent of the Guichet Unique or the finances; 404 for an unknown file. */
    private FamilySummary allowed(StaffPrincipal staff, String fileId) {
        if (!staff.isIn(StaffGroup.GUICHET_UNIQUE.id()) && !staff.isIn(StaffGroup.FINANCES.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String key = fileId == null ? "" : fileId.strip();
        if (!key.matches("[A-Za-z0-9-]{1,30}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return families.findByNumber(key).or(() -> key.matches("\\d{1,18}") ? families.find(Long.parseLong(key)) : java.util.Optional.empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
