package fr.portailfamille.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** « Connexion »: the guide's login page (section I-1). */
@Controller
class LoginController {

    @GetMapping("/connexion")
    String login() {
        return "account/connexion";
    }
}
