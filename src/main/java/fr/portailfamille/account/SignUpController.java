package fr.portailfamille.account;

import fr.portailfamille.system.web.OnceOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.beans.PropertyEditorSupport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

    private static final String FILE_STEP = "account/inscription-etape2";

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

    /** The steps' checkboxes send « true »; « oui », what they sent before, is read the same. */
    @InitBinder
    void yesInFrench(WebDataBinder binder) {
        binder.registerCustomEditor(boolean.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && text.strip().equalsIgnoreCase("oui")) {
                    setValue(true);
                    return;
                }
                CustomBooleanEditor usual = new CustomBooleanEditor(false);
                usual.setAsText(text);
                setValue(usual.getValue());
            }
        });
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
        return guard(draft, 2).orElseGet(() -> {
            model.addAttribute("form", new SignUpFileClaim(draft.familyFileNumber, draft.familyFileName,
                    draft.fileStepDone && draft.familyFileId == null));
            return FILE_STEP;
        });
    }

    @PostMapping("/dossier")
    String saveFamilyFile(@Valid @ModelAttribute("form") SignUpFileClaim form, BindingResult errors, HttpSession session) {
        SignUpDraft draft = draft(session);
        Optional<String> guarded = guard(draft, 2);
        if (guarded.isPresent()) {
            return guarded.get();
        }
        if (form.without()) {
            signUp.continueWithoutFile(draft);
            keep(session, draft);
            return "redirect:/inscription/conditions";
        }
        if (errors.hasErrors()) {
            return FILE_STEP;
        }
        signUp.claimFile(draft, form.number(), form.name()).ifPresent(refusal -> errors.reject("claim", refusal));
        keep(session, draft);
        return errors.hasErrors() ? FILE_STEP : "redirect:/inscription/conditions";
    }

    @GetMapping("/conditions")
    String terms(HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        return guard(draft, 3).orElseGet(() -> {
            model.addAttribute("form", new SignUpTerms(draft.termsDone()));
            return termsStep(model);
        });
    }

    @PostMapping("/conditions")
    String acceptTerms(@Valid @ModelAttribute("form") SignUpTerms form, BindingResult errors, HttpSession session, Model model) {
        SignUpDraft draft = draft(session);
        Optional<String> guarded = guard(draft, 3);
        if (guarded.isPresent()) {
            return guarded.get();
        }
        if (errors.hasErrors()) {
            return termsStep(model);
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
            SignUpFileClaim claim = new SignUpFileClaim("", "", false);
            BindingResult errors = new BeanPropertyBindingResult(claim, "form");
            errors.reject("conflict", conflict.getMessage());
            model.addAttribute("form", claim);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return FILE_STEP;
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

    private static String termsStep(Model model) {
        model.addAttribute("termsVersion", SignUpService.TERMS_VERSION);
        return "account/inscription-etape3";
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
