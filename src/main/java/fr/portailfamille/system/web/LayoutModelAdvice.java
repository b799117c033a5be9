package fr.portailfamille.system.web;

import fr.portailfamille.system.PortalProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page (the town's name). */
@ControllerAdvice
class LayoutModelAdvice {

    private final PortalProperties properties;

    LayoutModelAdvice(PortalProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("townName")
    String townName() {
        return properties.townName();
    }
}
