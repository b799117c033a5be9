package fr.portailfamille.system.waitingroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The waiting page « Vous êtes n° 312 dans la file, environ 40 s ». Reached only through
 * {@link WaitingRoomFilter}, which has placed the family; answered 503 with {@code Retry-After}
 * (the portal is busy, the page says when to come back) and never cached. A client address past its
 * allowance of places gets instead « trop de places demandées » (429, {@code Retry-After} a minute).
 */
@Controller
class WaitingRoomPage {

    /** When a client address refused a place is told to ask again. */
    private static final Duration FULL_RETRY = Duration.ofSeconds(60);
    /** When a family that could not be given a number at once asks again. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(3);

    private final WaitingRoomSettings settings;

    WaitingRoomPage(WaitingRoomSettings settings) {
        this.settings = settings;
    }

    @GetMapping(WaitingRoomFilter.ROOM)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (Boolean.TRUE.equals(request.getAttribute(WaitingRoomFilter.FULL_ATTRIBUTE))) {
            return full(response, model, request.getParameter("retour"));
        }
        if (Boolean.TRUE.equals(request.getAttribute(WaitingRoomFilter.BUSY_ATTRIBUTE))) {
            return busy(response, model, request.getParameter("retour"));
        }
        if (!(request.getAttribute(WaitingRoomFilter.PLACE_ATTRIBUTE) instanceof WaitingRoom.Place place)) {
            return "redirect:/";
        }
        long refresh = Math.max(1, settings.pageRefresh().toSeconds());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refresh));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("full", false);
        model.addAttribute("busy", false);
        model.addAttribute("position", place.position());
        model.addAttribute("ticket", place.ticket());
        model.addAttribute("estimate", place.estimate());
        model.addAttribute("nextAsk", place.nextAsk());
        model.addAttribute("formKept", Boolean.TRUE.equals(request.getAttribute(WaitingRoomFilter.KEPT_ATTRIBUTE)));
        model.addAttribute("pageRefreshSeconds", refresh);
        model.addAttribute("retour", WaitingRoomFilter.target(request.getParameter("retour")));
        return "system/salle-attente";
    }

    /** Too many places taken from this client address: no place, the page says so and comes back later. */
    private String full(HttpServletResponse response, Model model, String retour) {
        long retry = FULL_RETRY.toSeconds();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retry));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("full", true);
        model.addAttribute("busy", false);
        model.addAttribute("retour", WaitingRoomFilter.target(retour));
        return "system/salle-attente";
    }

    /** No number could be given at once: the page says so and asks again shortly (it reloads itself). */
    private String busy(HttpServletResponse response, Model model, String retour) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY.toSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("full", false);
        model.addAttribute("busy", true);
        model.addAttribute("pageRefreshSeconds", BUSY_RETRY.toSeconds());
        model.addAttribute("retour", WaitingRoomFilter.target(retour));
        return "system/salle-attente";
    }
}
