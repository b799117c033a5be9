package fr.portailfamille.system.waitingroom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * In front of every family page, before the session is read: a request of a family whose ticket has
 * come up, or any request while the room is closed, goes on; a newcomer while the room is open gets a
 * ticket (a signed cookie) and, like a family still waiting, is sent to the waiting page — at once,
 * the page reading no session (its one query, whether a form is kept, goes to the room's own connections)
 * and answered here from a copy printed once and filled in for the family ({@link WaitingPages}). A form posted while waiting is kept in PostgreSQL
 * and replayed when the family gets in; a form carrying a password is never kept (the family types
 * it again, its user name kept). Uploads and the paths of {@code exemptPaths} are never held. A ticket
 * of an earlier rush (the room has closed since, see {@link WaitingRoom#lapsed}) counts for nothing: its
 * family queues again like everyone arriving in this one.
 *
 * <p>A client address (its /64 for IPv6, where one household holds many addresses) holds only a few
 * places still waiting ({@code tickets-per-address}, counted in PostgreSQL for every node): a flood of
 * requests without the cookie then gets the French page « trop de places demandées » (429) and takes
 * no place from the families behind it. A refusal is remembered here for a second, so a flood costs
 * this node one look at the shared count per second, not one per request.
 */
final class WaitingRoomFilter extends OncePerRequestFilter {

    static final String ROOM = "/salle-d-attente";
    static final String STATE = ROOM + "/etat";

    /** When a client address refused a place is told to ask again. */
    private static final long FULL_RETRY_SECONDS = 60;
    /** When a family that could not be given a number at once asks again. */
    private static final long BUSY_RETRY_SECONDS = 3;

    /** How long a refused address is answered from this node's memory. */
    private static final long REFUSAL_MEMORY_NANOS = 1_000_000_000L;

    private final WaitingRoom room;
    private final Tickets tickets;
    private final WaitingRoomStore store;
    private final List<PathPattern> exempt;
    private final boolean secureCookie;
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    private final WaitingPages pages = new WaitingPages();

    WaitingRoomFilter(WaitingRoom room, Tickets tickets, WaitingRoomStore store, List<String> exemptPaths, boolean secureCookie) {
        this.room = room;
        this.tickets = tickets;
        this.store = store;
        this.exempt = exemptPaths.stream().distinct().map(PathPatternParser.defaultInstance::parse).toList();
        this.secureCookie = secureCookie;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(path(request));
        return exempt.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        boolean roomPage = ROOM.equals(path);
        boolean state = STATE.equals(path);
        OptionalLong held = ticketOf(request);
        if (held.isPresent() && room.lapsed(held.getAsLong())) {
            // let in during an earlier rush: a newcomer in this one
            held = OptionalLong.empty();
        }
        if (held.isPresent() && room.admitted(held.getAsLong())) {
            room.arrived(held.getAsLong());
            if (state) {
                json(response, "{\"entree\":true,\"ticket\":" + held.getAsLong() + "}");
            } else if (roomPage) {
                enter(request, response, chain, held.getAsLong());
            } else {
                pass(request, response, chain);
            }
            return;
        }
        if (held.isEmpty()) {
            if (state) {
                json(response, "{\"entree\":true}");
                return;
            }
            if (!room.open()) {
                if (roomPage) {
                    response.sendRedirect(request.getContextPath() + target(request.getParameter("retour")));
                } else {
                    pass(request, response, chain);
                }
                return;
            }
            OptionalLong issued;
            try {
                issued = issue(addressKey(request.getRemoteAddr()));
            } catch (DataAccessException e) {
                // no number within the room's wait for a connection: an answer at once all the same
                busy(request, response, chain, path);
                return;
            }
            if (issued.isEmpty() && !isRead(request) && !isForm(request)) {
                pass(request, response, chain);
                return;
            }
            if (issued.isEmpty()) {
                full(request, response, path);
                return;
            }
            long ticket = issued.getAsLong();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Tickets.COOKIE, tickets.sign(ticket))
                    .path("/").httpOnly(true).secure(secureCookie).sameSite("Lax").maxAge(tickets.lifetime()).build().toString());
            held = OptionalLong.of(ticket);
        }
        long ticket = held.getAsLong();
        WaitingRoom.Place place = room.place(ticket);
        if (state) {
            json(response, "{\"entree\":false,\"ticket\":" + ticket + ",\"place\":" + place.position()
                    + ",\"secondes\":" + place.seconds() + ",\"attente\":" + place.nextAsk() + "}");
        } else if (!isRead(request) && !isForm(request)) {
            // an upload (or another method) cannot be kept: it goes on, as before the room existed
            pass(request, response, chain);
        } else if (roomPage && isRead(request)) {
            pages.answer(request, response,
                    new WaitingPages.Sheet(WaitingPages.Kind.WAITING, store.holdsForm(ticket), !place.estimate().isEmpty(),
                            room.pageRefreshSeconds()),
                    Map.of("position", Long.toString(place.position()), "ticket", WaitingRoomPage.grouped(ticket),
                            "estimate", place.estimate(), "nextAsk", Long.toString(place.nextAsk())),
                    target(request.getParameter("retour")));
        } else {
            hold(request, response, ticket, path);
        }
    }

    /** A ticket for a newcomer from this address, unless it holds its allowance (a refusal remembered a second). */
    private OptionalLong issue(String address) {
        long now = System.nanoTime();
        Long refusedAt = refused.get(address);
        if (refusedAt != null && now - refusedAt < REFUSAL_MEMORY_NANOS) {
            return OptionalLong.empty();
        }
        OptionalLong ticket = room.issue(address);
        if (ticket.isEmpty()) {
            if (refused.size() > 10_000) {
                refused.clear();
            }
            refused.put(address, now);
        }
        return ticket;
    }

    /**
     * The room could not give a number in time (its connections all busy past capacity): the waiting
     * page without a number, which asks again in a few seconds; an upload goes on as always.
     */
    private void busy(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws ServletException, IOException {
        if (isRead(request)) {
            pages.answer(request, response, new WaitingPages.Sheet(WaitingPages.Kind.BUSY, false, false, BUSY_RETRY_SECONDS),
                    Map.of(), back(request, path));
        } else if (isForm(request)) {
            redirect(response, request.getContextPath() + ROOM + "?retour=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        } else {
            pass(request, response, chain);
        }
    }

    /** No place for this address now: the page saying so (429), the request kept nowhere. */
    private void full(HttpServletRequest request, HttpServletResponse response, String path) throws ServletException, IOException {
        if (isRead(request)) {
            pages.answer(request, response, new WaitingPages.Sheet(WaitingPages.Kind.FULL, false, false, FULL_RETRY_SECONDS),
                    Map.of(), back(request, path));
        } else {
            redirect(response, request.getContextPath() + ROOM + "?retour=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
    }

    /**
     * The client address as counted for the tickets: an IPv4 address itself, an IPv6 address by its
     * network (the first 64 bits), since one household or phone is given a whole /64 and could draw
     * a new address for every request.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        try {
            // a literal (as the servlet container gives it): parsed, never looked up
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** The family's ticket has come up on the waiting page: its kept form replayed, or the page it asked for. */
    private void enter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long ticket)
            throws ServletException, IOException {
        var kept = store.take(ticket);
        if (kept.isPresent()) {
            pass(new ReplayedForm(request, kept.get().path(), kept.get().body()), response, chain);
        } else {
            redirect(response, request.getContextPath() + target(request.getParameter("retour")));
        }
    }

    /** Sends a request that cannot go on now to the waiting page, keeping its form if it posted one. */
    private void hold(HttpServletRequest request, HttpServletResponse response, long ticket, String path)
            throws ServletException, IOException {
        String back;
        if (isRead(request)) {
            back = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        } else {
            Map<String, String[]> fields = request.getParameterMap();
            if (fields.keySet().stream().anyMatch(WaitingRoomFilter::isPassword)) {
                String username = request.getParameter("username");
                back = username == null ? path : path + "?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
            } else {
                store.keep(ticket, path, encode(fields));
                back = path;
            }
        }
        redirect(response, request.getContextPath() + ROOM + "?retour=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        room.entered();
        try {
            chain.doFilter(request, response);
        } finally {
            room.left();
        }
    }

    private OptionalLong ticketOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Tickets.COOKIE.equals(cookie.getName())) {
                    OptionalLong ticket = tickets.verify(cookie.getValue());
                    if (ticket.isPresent()) {
                        return ticket;
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Where a page read now would have led: the room's own « retour », or the page asked for. */
    private static String back(HttpServletRequest request, String path) {
        if (ROOM.equals(path)) {
            return target(request.getParameter("retour"));
        }
        return target(request.getQueryString() == null ? path : path + "?" + request.getQueryString());
    }

    /** Where to go once in: a path of this portal only (never another site, never the room itself). */
    static String target(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20) || back.startsWith(ROOM)) {
            return "/";
        }
        return back;
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isPassword(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("motdepasse") || name.contains("mot-de-passe");
    }

    private static String encode(Map<String, String[]> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> java.util.Arrays.stream(e.getValue()).map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(body);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
