package fr.portailfamille.family;

import fr.portailfamille.system.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page that needs a family file shows to an account not linked to one yet: the page
 * « Votre compte n'est pas encore rattaché à un dossier famille » under the tab the family chose,
 * with what that module will offer once the Guichet Unique has linked the account.
 */
@ControllerAdvice
class NoFamilyFileAdvice {

    static final String PAGE = "family/sans-dossier";

    /** The tabs of the layout, by the first segment of the path. */
    enum Tab {
        DOSSIER("dossier", "Mon dossier"),
        INSCRIPTIONS("inscriptions", "Inscriptions"),
        PLANNING("planning", "Planning"),
        FACTURATION("facturation", "Facturation"),
        MESSAGERIE("messagerie", "Messagerie");

        final String key;
        final String title;

        Tab(String key, String title) {
            this.key = key;
            this.title = title;
        }

        static Tab of(String path) {
            String first = path == null ? "" : path.replaceFirst("^/", "").replaceFirst("/.*", "");
            for (Tab tab : values()) {
                if (tab.key.equals(first)) {
                    return tab;
                }
            }
            return "paiement".equals(first) ? FACTURATION : DOSSIER;
        }
    }

    private final PortalProperties properties;

    NoFamilyFileAdvice(PortalProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(CurrentFamilyResolver.NoFamilyFile.class)
    ModelAndView noFamilyFile(HttpServletRequest request) {
        Tab tab = Tab.of(request.getServletPath());
        ModelAndView page = new ModelAndView(PAGE);
        page.addObject("townName", properties.townName());
        page.addObject("tab", tab.key);
        page.addObject("title", tab.title);
        return page;
    }
}
