package fr.portailfamille.system.waitingroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The waiting page « Vous êtes n° 312 dans la file, environ 40 s ». Reached only through
 * {@link WaitingRoomFilter}, which has placed the family; answered 503 with {@code Retry-After}
 * (the portal is busy, the page says when to come back) and never cached.
 */
@Controller
class WaitingRoomPage {

    private final WaitingRoomSettings settings;

    WaitingRoomPage(WaitingRoomSettings settings) {
        this.settings = settings;
    }

    @GetMapping(WaitingRoomFilter.ROOM)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(WaitingRoomFilter.PLACE_ATTRIBUTE) instanceof WaitingRoom.Place place)) {
            return "redirect:/";
        }
        long refresh = Math.max(1, settings.pageRefresh().toSeconds());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refresh));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("position", place.position());
        model.addAttribute("ticket", place.ticket());
        model.addAttribute("estimate", place.estimate());
        model.addAttribute("formKept", Boolean.TRUE.equals(request.getAttribute(WaitingRoomFilter.KEPT_ATTRIBUTE)));
        model.addAttribute("pageRefreshSeconds", refresh);
        model.addAttribute("retour", WaitingRoomFilter.target(request.getParameter("retour")));
        return "system/salle-attente";
    }
}
