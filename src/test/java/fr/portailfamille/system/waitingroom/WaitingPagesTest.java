package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The waiting page printed once, filled in for each family: the way of the page (here a stand-in
 * for the security chain, Spring MVC and the template, writing headers and text from the values it
 * is given) is taken once per kind of page and again after ten seconds; each family gets its own
 * values, escaped; a copy carrying a cookie is never given to another family. The real page through
 * the real way is checked by {@code WaitingRoomTest} and in Chromium.
 */
class WaitingPagesTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final WaitingPages pages = new WaitingPages(now::get);
    private final AtomicInteger printings = new AtomicInteger();

    @Test
    void thePageIsPrintedOnceAndEachFamilyGetsItsOwnNumberTicketEstimateAndWayBack() throws Exception {
        WaitingPages.Sheet sheet = new WaitingPages.Sheet(WaitingPages.Kind.WAITING, false, true, 5);

        MockHttpServletResponse first = answer(sheet, "12", "4 812", "40 s", "/planning?mois=2027-01", false);
        MockHttpServletResponse second = answer(sheet, "13", "4 813", "<b>45 s</b>", "/facturation", false);

        assertThat(printings).as("the way of the page taken once for both families").hasValue(1);
        assertThat(first.getStatus()).isEqualTo(503);
        assertThat(first.getHeader("Retry-After")).isEqualTo("5");
        assertThat(first.getContentAsString()).isEqualTo(
                "<p>n° 12, ticket 4 812, environ 40 s</p><a href=\"/salle-d-attente?retour=%2Fplanning%3Fmois%3D2027-01\">Actualiser</a>");
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("5");
        assertThat(second.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getContentAsString()).as("its own values, escaped as the template escapes them").isEqualTo(
                "<p>n° 13, ticket 4 813, environ &lt;b&gt;45 s&lt;/b&gt;</p><a href=\"/salle-d-attente?retour=%2Ffacturation\">Actualiser</a>");

        // another kind of page is another copy
        answer(new WaitingPages.Sheet(WaitingPages.Kind.WAITING, true, true, 5), "14", "4 814", "50 s", "/", false);
        assertThat(printings).hasValue(2);
        assertThat(pages.copies()).isEqualTo(2);

        // ten seconds later the page is printed again (a new help message of the Guichet Unique shows)
        now.addAndGet(WaitingPages.REPRINT_NANOS + 1);
        answer(sheet, "15", "4 815", "55 s", "/", false);
        assertThat(printings).hasValue(3);
    }

    @Test
    void aPagePrintedWithACookieIsNeverGivenToAnotherFamily() throws Exception {
        WaitingPages.Sheet sheet = new WaitingPages.Sheet(WaitingPages.Kind.BUSY, false, false, 3);
        MockHttpServletResponse withCookie = answer(sheet, "1", "1", "", "/", true);
        assertThat(withCookie.getHeader("Set-Cookie")).isEqualTo("PRIVATE=1");
        MockHttpServletResponse next = answer(sheet, "2", "2", "", "/", false);
        assertThat(next.getHeader("Set-Cookie")).isNull();
        assertThat(printings).as("the copy with a cookie was not kept: printed again").hasValue(2);
        assertThat(pages.copies()).as("the copy without a cookie kept").isOne();
    }

    private MockHttpServletResponse answer(WaitingPages.Sheet sheet, String position, String ticket, String estimate, String retour,
            boolean setsCookie) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", WaitingRoomFilter.ROOM) {
            @Override
            public RequestDispatcher getRequestDispatcher(String path) {
                return new PageWay(setsCookie);
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.answer(request, response, sheet, Map.of("position", position, "ticket", ticket, "estimate", estimate, "nextAsk", "3"),
                retour);
        return response;
    }

    /** Stands for the security chain, Spring MVC and the template: headers, then the page with the values given. */
    private final class PageWay implements RequestDispatcher {

        private final boolean setsCookie;

        PageWay(boolean setsCookie) {
            this.setsCookie = setsCookie;
        }

        @Override
        public void forward(ServletRequest request, ServletResponse response) throws IOException {
            printings.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            WaitingPages.Sheet sheet = (WaitingPages.Sheet) request.getAttribute(WaitingPages.SHEET);
            @SuppressWarnings("unchecked")
            Map<String, String> values = (Map<String, String>) request.getAttribute(WaitingPages.VALUES);
            http.setStatus(sheet.status());
            http.setHeader("Retry-After", String.valueOf(sheet.retryAfter()));
            http.setHeader("X-Frame-Options", "DENY");
            if (setsCookie) {
                http.addHeader("Set-Cookie", "PRIVATE=1");
            }
            http.setContentType("text/html;charset=UTF-8");
            http.getWriter().write("<p>n° " + values.get("position") + ", ticket " + values.get("ticket") + ", environ "
                    + values.get("estimate") + "</p><a href=\"/salle-d-attente?retour=" + values.get("retour") + "\">Actualiser</a>");
        }

        @Override
        public void include(ServletRequest request, ServletResponse response) {
            throw new UnsupportedOperationException();
        }
    }
}
