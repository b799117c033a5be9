package fr.portailfamille.account;

import fr.portailfamille.system.web.OnceOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « inscrivez vous »: the guide's four steps (section I-1). The draft lives in the HTTP session:
 * a reload or the back button shows what was typed and never creates anything; the account is
 * created only by « valider mon inscription ».
 */
@Controller
@RequestMapping("/inscription")
class SignUpController {

    private static final String[] STEP_PATHS = {"", "/inscription", "/inscription/dossier", "/inscription/conditions",
            "/inscription/recapitulatif"};

    /** The choices of « Civilité », value → label. */
    private static final Map<String, String> CIVILITIES = civilities();

    private final SignUpService signUp;
    private final LinkRequestThrottle throttle;
    private final List<SignUpListener> listeners;

    SignUpController(SignUpService signUp, LinkRequestThrottle throttle, List<SignUpListener> listeners) {
        this.signUp = signUp;
        this.throttle = throttle;
        this.listeners = listeners;
    }

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @GetMapping
    String identity(HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        model.addAttribute("form", SignUpIdentity.of(draft));
        return identityStep(model, draft);
    }

    @PostMapping
    String saveIdentity(@Valid @ModelAttribute("form") SignUpIdentity form, BindingResult errors, HttpSession session,
            Model model) {
        SignUpDraft draft = draft(session);
        signUp.saveIdentity(form, draft, errors);
        if (errors.hasErrors()) {
            return identityStep(model, draft);
        }
        keep(session, draft);
        return "redirect:/inscription/dossier";
    }

    @GetMapping("/dossier")
    String familyFile(HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        return guard(draft, 2).orElseGet(() -> fileStep(model, draft.familyFileNumber, draft.familyFileName,
                draft.fileStepDone && draft.familyFileId == null, null));
    }

    @PostMapping("/dossier")
    String saveFamilyFile(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String without, HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        Optional<String> guarded = guard(draft, 2);
        if (guarded.isPresent()) {
            return guarded.get();
        }
        if (without != null) {
            signUp.continueWithoutFile(draft);
            keep(session, draft);
            return "redirect:/inscription/conditions";
        }
        Optional<String> refusal = signUp.claimFile(draft, number, name);
        keep(session, draft);
        if (refusal.isPresent()) {
            return fileStep(model, number.trim(), name.trim(), false, refusal.get());
        }
        return "redirect:/inscription/conditions";
    }

    @GetMapping("/conditions")
    String terms(HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        return guard(draft, 3).orElseGet(() -> {
            model.addAttribute("termsVersion", SignUpService.TERMS_VERSION);
            model.addAttribute("accepted", draft.termsDone());
            return "account/inscription-etape3";
        });
    }

    @PostMapping("/conditions")
    String acceptTerms(@RequestParam(required = false) String accept, HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        Optional<String> guarded = guard(draft, 3);
        if (guarded.isPresent()) {
            return guarded.get();
        }
        if (accept == null) {
            model.addAttribute("termsVersion", SignUpService.TERMS_VERSION);
            model.addAttribute("accepted", false);
            model.addAttribute("errors", Map.of("accept",
                    "Pour créer votre compte, cochez « j'ai lu et j'accepte les conditions générales d'utilisation »."));
            return "account/inscription-etape3";
        }
        signUp.acceptTerms(draft);
        keep(session, draft);
        return "redirect:/inscription/recapitulatif";
    }

    @GetMapping("/recapitulatif")
    String summary(HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        return guard(draft, 4).orElseGet(() -> {
            model.addAttribute("draft", draft.summary());
            return "account/inscription-etape4";
        });
    }

    @OnceOnly
    @PostMapping("/valider")
    String register(HttpSession session, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        SignUpDraft draft = draft(session);
        Optional<String> guarded = guard(draft, 4);
        if (guarded.isPresent()) {
            return guarded.get();
        }
        // each sign-up mails an activation link: limited like the other link requests (per address, per e-mail)
        if (!throttle.tryRequest(request.getRemoteAddr(), draft.email)) {
            model.addAttribute("draft", draft.summary());
            model.addAttribute("error", PasswordResetController.TOO_MANY);
            return "account/inscription-etape4";
        }
        long accountId;
        try {
            accountId = signUp.register(draft);
        } catch (SignUpService.SignUpConflict conflict) {
            if (conflict.step == 1) {
                SignUpIdentity identity = SignUpIdentity.of(draft);
                BindingResult errors = new BeanPropertyBindingResult(identity, "form");
                errors.rejectValue(conflict.field, "conflict", conflict.getMessage());
                model.addAttribute("form", identity);
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
                return identityStep(model, draft);
            }
            signUp.continueWithoutFile(draft);
            draft.fileStepDone = false;
            keep(session, draft);
            return fileStep(model, "", "", false, conflict.getMessage());
        }
        session.removeAttribute(SignUpDraft.SESSION_KEY);
        List<String> notes = listeners.stream().flatMap(l -> l.registered(session, accountId).stream()).toList();
        redirect.addFlashAttribute("notes", notes);
        return "redirect:/inscription/envoyee";
    }

    @PostMapping("/annuler")
    String cancel(HttpSession session) {
        session.removeAttribute(SignUpDraft.SESSION_KEY);
        return "redirect:/connexion?inscriptionAnnulee";
    }

    @GetMapping("/envoyee")
    String sent() {
        return "account/inscription-envoyee";
    }

    /** The first step's page, with the model's form and its errors. */
    private static String identityStep(Model model, SignUpDraft draft) {
        model.addAttribute("civilities", CIVILITIES);
        model.addAttribute("passwordKept", draft.identityDone());
        model.addAttribute("prefilled", draft.prefilled);
        model.addAttribute("birthDate", draft.birthDate);
        return "account/inscription-etape1";
    }

    private static String fileStep(Model model, String number, String name, boolean without, String claimError) {
        model.addAttribute("number", number);
        model.addAttribute("name", name);
        model.addAttribute("without", without);
        model.addAttribute("claimError", claimError);
        return "account/inscription-etape2";
    }

    private static Map<String, String> civilities() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("", "Choisissez");
        choices.put("Mme", "Mme");
        choices.put("M.", "M.");
        return Collections.unmodifiableMap(choices);
    }

    /** Redirects to the first step not done yet when the asked step cannot be shown. */
    private static Optional<String> guard(SignUpDraft draft, int step) {
        int next = draft.nextStep();
        return next < step ? Optional.of("redirect:" + STEP_PATHS[next]) : Optional.empty();
    }

    private static SignUpDraft draft(HttpSession session) {
        Object draft = session.getAttribute(SignUpDraft.SESSION_KEY);
        return draft instanceof SignUpDraft d ? d : new SignUpDraft();
    }

    /** Stores the draft again, so Spring Session writes the change to the database. */
    private static void keep(HttpSession session, SignUpDraft draft) {
        session.setAttribute(SignUpDraft.SESSION_KEY, draft);
    }
}
