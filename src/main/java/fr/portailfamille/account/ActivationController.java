package fr.portailfamille.account;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The activation link of the mail, and « Recevoir un nouveau lien d'activation ». */
@Controller
class ActivationController {

    private final AccountActivation activation;
    private final LinkRequestThrottle throttle;

    ActivationController(AccountActivation activation, LinkRequestThrottle throttle) {
        this.activation = activation;
        this.throttle = throttle;
    }

    @GetMapping("/inscription/activer")
    String activate(@RequestParam(name = "jeton", required = false) String token, Model model) {
        AccountActivation.Outcome outcome = activateRetryingOnConflict(token);
        if (outcome == AccountActivation.Outcome.ACTIVATED) {
            return "redirect:/connexion?active";
        }
        model.addAttribute("state", outcome.name());
        return "account/lien-activation";
    }

    @GetMapping("/inscription/renvoyer-lien")
    String resendForm() {
        return "account/renvoyer-lien";
    }

    @PostMapping("/inscription/renvoyer-lien")
    String resend(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        model.addAttribute("email", email.trim());
        if (!throttle.tryRequest(request.getRemoteAddr(), email)) {
            model.addAttribute("error", PasswordResetController.TOO_MANY);
            return "account/renvoyer-lien";
        }
        activation.resendActivationLink(email);
        model.addAttribute("sent", true);
        return "account/renvoyer-lien";
    }

    /** The timer may fire at the same moment: the engine then refuses one of them, and we try again. */
    private AccountActivation.Outcome activateRetryingOnConflict(String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                return activation.activate(token);
            } catch (OptimisticLockingException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
