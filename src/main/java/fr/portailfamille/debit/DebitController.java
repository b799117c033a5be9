package fr.portailfamille.debit;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.web.OnceOnly;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Payer par prélèvement » on « Facturation »: the family signs a SEPA mandate, sees it (IBAN
 * masked but its last four characters), changes its account or revokes it, downloads its PDF. Only
 * its own mandate: every route works on the logged-in family's file.
 */
@Controller
class DebitController {

    static final String PAGE = "/facturation/prelevement";

    private final Mandates mandates;
    private final DebitProperties properties;
    private final MandatePdf pdf;

    DebitController(Mandates mandates, DebitProperties properties, MandatePdf pdf) {
        this.mandates = mandates;
        this.properties = properties;
        this.pdf = pdf;
    }

    @GetMapping(PAGE)
    String page(@CurrentFamily FamilySummary family, Model model) {
        return show(family, model, new MandateForm(), new RevokeForm());
    }

    @OnceOnly
    @PostMapping(PAGE)
    String sign(@CurrentFamily FamilySummary family, @Valid @ModelAttribute("form") MandateForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.checkBic(errors);
        if (!errors.hasErrors()) {
            mandates.sign(family.id(), form, Mandate.Channel.EN_LIGNE, Mandates.FAMILY, errors);
        }
        if (errors.hasErrors()) {
            return show(family, model, form, new RevokeForm());
        }
        redirect.addFlashAttribute("done", "Votre mandat de prélèvement est signé. Vous le recevez par courriel (PDF).");
        return "redirect:" + PAGE;
    }

    @OnceOnly
    @PostMapping(PAGE + "/modifier")
    String amend(@CurrentFamily FamilySummary family, @Valid @ModelAttribute("form") MandateForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.checkBic(errors);
        if (errors.hasErrors()) {
            model.addAttribute("changing", true);
            return show(family, model, form, new RevokeForm());
        }
        if (!mandates.amend(family.id(), form, Mandates.FAMILY)) {
            redirect.addFlashAttribute("done", "Vous n'avez pas de mandat en place : signez-en un.");
            return "redirect:" + PAGE;
        }
        redirect.addFlashAttribute("done", "Vos coordonnées bancaires sont modifiées. Le mandat modifié vous est envoyé par courriel (PDF).");
        return "redirect:" + PAGE;
    }

    @OnceOnly
    @PostMapping(PAGE + "/revoquer")
    String revoke(@CurrentFamily FamilySummary family, @Valid @ModelAttribute("revoke") RevokeForm revoke, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(family, model, new MandateForm(), revoke);
        }
        boolean revoked = mandates.revoke(family.id(), Mandates.FAMILY);
        redirect.addFlashAttribute("done", revoked
                ? "Votre mandat est révoqué : vos prochaines factures sont à payer en ligne ou au guichet."
                : "Vous n'avez pas de mandat en place.");
        return "redirect:" + PAGE;
    }

    @GetMapping(PAGE + "/mandat.pdf")
    ResponseEntity<byte[]> pdf(@CurrentFamily FamilySummary family) {
        byte[] content = mandates.pdfOf(family.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mandat-prelevement.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    private String show(FamilySummary family, Model model, MandateForm form, RevokeForm revoke) {
        model.addAttribute("mandate", mandates.live(family.id()).orElse(null));
        model.addAttribute("events", mandates.events(family.id()));
        model.addAttribute("creditorId", properties.creditorId());
        model.addAttribute("rights", pdf.rightsText());
        model.addAttribute("prenotificationDays", properties.prenotificationDays());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("revoke")) {
            model.addAttribute("revoke", revoke);
        }
        return "debit/prelevement";
    }
}
