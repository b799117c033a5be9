package fr.portailfamille.apiparticulier;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.security.FamilyPrincipal;
import fr.portailfamille.system.web.DateParameters;
import fr.portailfamille.system.web.OnceOnly;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mon dossier » › « Quotient familial CAF / MSA »: the family's consent (with its date, revocable),
 * the quotient read at once when given, and what to do when the CAF or the MSA answered nothing.
 */
@Controller
class QuotientCafController {

    private static final String PAGE = "apiparticulier/quotient-caf";
    private static final Map<String, String> SEXES = sexes();

    private final QuotientConsents consents;
    private final QuotientFetches fetches;
    private final ApiParticulier apiParticulier;
    private final FamilyFiles families;
    private final Clock clock;

    QuotientCafController(QuotientConsents consents, QuotientFetches fetches, ApiParticulier apiParticulier,
            FamilyFiles families, Clock clock) {
        this.consents = consents;
        this.fetches = fetches;
        this.apiParticulier = apiParticulier;
        this.families = families;
        this.clock = clock;
    }

    @GetMapping("/dossier/quotient-caf")
    String page(@CurrentFamily long fileId, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new QuotientConsentForm());
        }
        return show(fileId, model);
    }

    @OnceOnly
    @PostMapping("/dossier/quotient-caf")
    String accept(@AuthenticationPrincipal FamilyPrincipal family, @CurrentFamily long fileId,
            @Valid @ModelAttribute("form") QuotientConsentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!apiParticulier.enabled()) {
            return "redirect:/dossier/quotient-caf";
        }
        boolean franceConnect = fetches.franceConnectIdentity(fileId).isPresent();
        AllocataireIdentity typed = franceConnect ? null : typedIdentity(form, errors);
        if (errors.hasErrors()) {
            return show(fileId, model);
        }
        consents.accept(fileId, family.getUsername(), typed);
        redirect.addFlashAttribute("result", fetches.fetch(fileId, null));
        return "redirect:/dossier/quotient-caf";
    }

    @OnceOnly
    @PostMapping("/dossier/quotient-caf/retrait")
    String revoke(@CurrentFamily long fileId) {
        consents.revoke(fileId);
        return "redirect:/dossier/quotient-caf?retire";
    }

    /** The allocataire's identity the family typed; what is missing or wrong goes into the form's errors. */
    private AllocataireIdentity typedIdentity(QuotientConsentForm form, BindingResult errors) {
        if (form.getBirthName().isEmpty()) {
            errors.rejectValue("birthName", "required", "Saisissez le nom de naissance de l'allocataire.");
        }
        if (form.getFirstNames().isEmpty()) {
            errors.rejectValue("firstNames", "required", "Saisissez le ou les prénoms de l'allocataire.");
        }
        if (form.getSex().isEmpty() && !errors.hasFieldErrors("sex")) {
            errors.rejectValue("sex", "required", "Choisissez le sexe indiqué à l'état civil.");
        }
        LocalDate birth = null;
        try {
            birth = form.getBirthDate().isEmpty() ? null : LocalDate.parse(form.getBirthDate());
        } catch (DateTimeParseException e) {
            birth = null;
        }
        if (birth == null || !DateParameters.inRange(birth) || birth.isAfter(LocalDate.now(clock))) {
            errors.rejectValue("birthDate", "invalid", "Saisissez la date de naissance de l'allocataire, par exemple 12/04/1985.");
        }
        if ("99100".equals(form.getBirthCountry()) && form.getBirthCommune().isEmpty() && !errors.hasFieldErrors("birthCommune")) {
            errors.rejectValue("birthCommune", "required", "Né(e) en France : saisissez le code INSEE de la commune de naissance.");
        }
        if (form.getBirthCountry().isEmpty() && !errors.hasFieldErrors("birthCountry")) {
            errors.rejectValue("birthCountry", "required", "Saisissez le code INSEE du pays de naissance, 99100 pour la France.");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new AllocataireIdentity(form.getBirthName().toUpperCase(java.util.Locale.ROOT),
                Arrays.stream(form.getFirstNames().split("\\s+")).toList(), form.getSex(), birth,
                form.getBirthCommune().isEmpty() ? null : form.getBirthCommune(), form.getBirthCountry(),
                AllocataireIdentity.Source.DOSSIER);
    }

    private String show(long fileId, Model model) {
        model.addAttribute("available", apiParticulier.enabled());
        model.addAttribute("consent", consents.of(fileId).orElse(null));
        model.addAttribute("franceConnect", fetches.franceConnectIdentity(fileId).isPresent());
        // a standing consent given with FranceConnect's identity, the link since undone: nobody left to ask for
        model.addAttribute("withoutIdentity", consents.active(fileId) && fetches.identityOf(fileId).isEmpty());
        model.addAttribute("last", fetches.last(fileId).orElse(null));
        model.addAttribute("quotient", families.quotientFamilial(fileId, LocalDate.now(clock)).orElse(null));
        model.addAttribute("appliesFrom", fetches.appliesFrom());
        model.addAttribute("sexes", SEXES);
        return PAGE;
    }

    private static Map<String, String> sexes() {
        Map<String, String> sexes = new LinkedHashMap<>();
        sexes.put("", "Choisissez");
        sexes.put("F", "Féminin");
        sexes.put("M", "Masculin");
        return sexes;
    }
}
