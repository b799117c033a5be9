package fr.portailfamille.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** « mot de passe oublié ? »: the e-mail form, then the new password page reached from the mail. */
@Controller
class PasswordResetController {

    static final String TOO_MANY = "Trop de demandes de lien en peu de temps. Réessayez dans quelques minutes.";

    private final PasswordReset reset;
    private final LinkRequestThrottle throttle;

    PasswordResetController(PasswordReset reset, LinkRequestThrottle throttle) {
        this.reset = reset;
        this.throttle = throttle;
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotten() {
        return "account/mot-de-passe-oublie";
    }

    @PostMapping("/mot-de-passe-oublie")
    String requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        model.addAttribute("email", email.trim());
        if (email.isBlank()) {
            model.addAttribute("error", "Saisissez l'adresse e-mail de votre compte.");
            return "account/mot-de-passe-oublie";
        }
        if (!throttle.tryRequest(request.getRemoteAddr(), email)) {
            model.addAttribute("error", TOO_MANY);
            return "account/mot-de-passe-oublie";
        }
        reset.requestLink(email);
        model.addAttribute("sent", true);
        return "account/mot-de-passe-oublie";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String newPasswordForm(@RequestParam(name = "jeton", required = false) String token, Model model) {
        LinkTokens.State state = reset.check(token);
        if (state != LinkTokens.State.VALID) {
            model.addAttribute("state", state.name());
            return "account/lien-mot-de-passe";
        }
        model.addAttribute("token", token);
        model.addAttribute("form", new NewPassword(null, null));
        return "account/nouveau-mot-de-passe";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String newPassword(@RequestParam(name = "jeton", defaultValue = "") String token,
            @ModelAttribute("form") NewPassword form, BindingResult binding, Model model) {
        Map<String, String> errors = reset.reset(token, form.password(), form.passwordConfirmation());
        if (errors.containsKey("token")) {
            model.addAttribute("state", errors.get("token"));
            return "account/lien-mot-de-passe";
        }
        if (!errors.isEmpty()) {
            errors.forEach((field, message) -> binding.rejectValue(field, "refused", message));
            model.addAttribute("token", token);
            return "account/nouveau-mot-de-passe";
        }
        return "redirect:/connexion?motDePasseChange";
    }

    /** The new password and its confirmation, as typed (never written back into the page). */
    record NewPassword(String password, String passwordConfirmation) {
        NewPassword {
            password = password == null ? "" : password;
            passwordConfirmation = passwordConfirmation == null ? "" : passwordConfirmation;
        }
    }
}
