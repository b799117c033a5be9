package fr.portailfamille.planning;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The family's private iCalendar URL: turn it on, read it (anyone with the URL), turn it off. */
@Controller
class PlanningFeedController {

    static final String FEED_PATH = "/planning/ical/";

    private final PlanningFeed feed;
    private final PortalProperties properties;

    PlanningFeedController(PlanningFeed feed, PortalProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    /** Phones' calendar apps fetch the feed without a session: the token is the key. */
    @Bean
    static PublicRoutes planningPublicRoutes() {
        return PublicRoutes.of(FEED_PATH + "*");
    }

    @GetMapping("/planning/calendrier")
    String page(@CurrentFamily long fileId, Model model) {
        model.addAttribute("activeModule", "planning");
        model.addAttribute("since", feed.activeSince(fileId).map(i -> PortalTime.DATE_TIME.format(i.atZone(PortalTime.ZONE))).orElse(null));
        return "planning/calendrier";
    }

    @PostMapping("/planning/calendrier/activer")
    String activate(@CurrentFamily long fileId, RedirectAttributes redirect) {
        String token = feed.activate(fileId);
        redirect.addFlashAttribute("feedUrl", properties.link(FEED_PATH + token + ".ics"));
        return "redirect:/planning/calendrier";
    }

    @PostMapping("/planning/calendrier/desactiver")
    String revoke(@CurrentFamily long fileId, RedirectAttributes redirect) {
        feed.revoke(fileId);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/planning/calendrier";
    }

    @GetMapping(FEED_PATH + "{token}.ics")
    @ResponseBody
    ResponseEntity<String> calendar(@PathVariable String token) {
        return feed.calendar(token)
                .map(body -> ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Cache-Control", "private, max-age=900").body(body))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Calendrier inconnu ou désactivé."));
    }
}
