package fr.portailfamille.family;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the Guichet Unique's help message of the current portal page, if any, in every page's model (the layout shows it). */
@ControllerAdvice
class HelpMessageAdvice {

    private final HelpMessages messages;

    HelpMessageAdvice(HelpMessages messages) {
        this.messages = messages;
    }

    @ModelAttribute("helpMessage")
    String helpMessage(HttpServletRequest request) {
        String path = request.getServletPath();
        if (path == null || path.startsWith("/agent") || path.startsWith("/error")) {
            return null;
        }
        return messages.forPage(path).orElse(null);
    }
}
