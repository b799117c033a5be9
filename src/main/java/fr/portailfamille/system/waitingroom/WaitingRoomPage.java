package fr.portailfamille.system.waitingroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The waiting page « Vous êtes n° 312 dans la file, environ 40 s ». Reached only through
 * {@link WaitingRoomFilter}, which has placed the family and prints the page once through here
 * ({@link WaitingPages}); answered 503 with {@code Retry-After} (the portal is busy, the page says
 * when to come back) and never cached. A client address past its allowance of places gets instead
 * « trop de places demandées » (429, {@code Retry-After} a minute). Anyone coming here on their
 * own is sent to the home page.
 */
@Controller
class WaitingRoomPage {

    @GetMapping(WaitingRoomFilter.ROOM)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(WaitingPages.SHEET) instanceof WaitingPages.Sheet sheet)
                || !(request.getAttribute(WaitingPages.VALUES) instanceof Map<?, ?> values)) {
            return "redirect:/";
        }
        response.setStatus(sheet.status());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(sheet.retryAfter()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("full", sheet.kind() == WaitingPages.Kind.FULL);
        model.addAttribute("busy", sheet.kind() == WaitingPages.Kind.BUSY);
        model.addAttribute("formKept", sheet.formKept());
        model.addAttribute("estimateShown", sheet.estimateShown());
        model.addAttribute("pageRefreshSeconds", sheet.kind() == WaitingPages.Kind.FULL ? null : sheet.retryAfter());
        values.forEach((name, value) -> model.addAttribute((String) name, value));
        return "system/salle-attente";
    }

    /** A ticket as the page writes it: « 4 812 ». */
    static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }
}
