package fr.portailfamille.system.waitingroom;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.web.util.HtmlUtils;

/**
 * The waiting room's pages, rendered once and then filled in: at the opening every family arriving
 * gets one within the same second, and the full way of a page (the security chain, Spring MVC, the
 * template with the portal's layout) cost eight times the family's number itself. So the page of each
 * {@link Sheet} is rendered through that whole way with a marker in place of each value that changes
 * from one family to the next, its status, headers and text kept (a « printed » copy), and each answer
 * is that copy with the markers replaced by the family's values, escaped as the template escapes them.
 *
 * <p>A copy is printed again after {@link #REPRINT_NANOS} (a new help message of the Guichet Unique
 * shows within seconds). The page is rendered without a session by a chain that reads none (nobody
 * is ever shown signed in on it), and a copy carrying a cookie or a form's token is never kept: what
 * is shared between families holds nothing of one of them.
 */
final class WaitingPages {

    /** The request attribute holding the {@link Sheet} the page controller renders. */
    static final String SHEET = WaitingPages.class.getName() + ".sheet";
    /** The request attribute holding the page's values (the markers while printing). */
    static final String VALUES = WaitingPages.class.getName() + ".values";

    /** How long a printed copy is used. */
    static final long REPRINT_NANOS = 10_000_000_000L;

    /** The values that change from one family to the next (shown as text, or in an attribute). */
    static final List<String> TEXTS = List.of("position", "ticket", "estimate", "nextAsk");
    /** The value written as a link's parameter: where the family goes once in. */
    static final String RETOUR = "retour";

    enum Kind { WAITING, BUSY, FULL }

    /**
     * What a page shows apart from the family's values.
     *
     * @param kind          waiting with a number, no number yet (busy), or no place for this address (full)
     * @param formKept      « Vos choix sont gardés »
     * @param estimateShown whether an estimate of the wait is known
     * @param retryAfter    seconds, the {@code Retry-After} header (and the page's refresh, unless full)
     */
    record Sheet(Kind kind, boolean formKept, boolean estimateShown, long retryAfter) {

        int status() {
            return kind == Kind.FULL ? 429 : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
    }

    private final Map<Sheet, Printed> printed = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    WaitingPages() {
        this(System::nanoTime);
    }

    WaitingPages(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Answers the page of {@code sheet} with the family's values ({@link #TEXTS}, and where to go once in). */
    void answer(HttpServletRequest request, HttpServletResponse response, Sheet sheet, Map<String, String> texts, String retour)
            throws ServletException, IOException {
        long now = nanos.getAsLong();
        Printed copy = printed.get(sheet);
        if (copy == null || now - copy.printedAt() > REPRINT_NANOS) {
            copy = print(request, response, sheet, now);
            if (copy.shareable()) {
                printed.put(sheet, copy);
            }
        }
        copy.writeTo(response, texts, retour);
    }

    /** How many copies are kept (one per sheet). */
    int copies() {
        return printed.size();
    }

    private static Printed print(HttpServletRequest request, HttpServletResponse response, Sheet sheet, long now)
            throws ServletException, IOException {
        Map<String, String> markers = new LinkedHashMap<>();
        TEXTS.forEach(name -> markers.put(name, marker(name)));
        markers.put(RETOUR, marker(RETOUR));
        request.setAttribute(SHEET, sheet);
        request.setAttribute(VALUES, markers);
        Captured captured = new Captured(response);
        request.getRequestDispatcher(WaitingRoomFilter.ROOM).forward(request, captured);
        return captured.printed(now);
    }

    /** A marker the template's escaping leaves as it is: letters only. */
    static String marker(String name) {
        return "PfMarker" + name + "ZqX";
    }

    /** A page as printed: status, headers and text with the markers. */
    record Printed(long printedAt, int status, Map<String, List<String>> headers, String contentType, Locale locale,
                   String text, boolean personal, boolean sent) {

        /** Shareable: the page itself (not a redirection or an error), no cookie set, no form token. */
        boolean shareable() {
            return !personal && !sent && (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE || status == 429)
                    && !text.contains("_csrf");
        }

        void writeTo(HttpServletResponse response, Map<String, String> texts, String retour) throws IOException {
            if (sent) {
                // an error answered on the way (by the container's error page): nothing more to write
                return;
            }
            response.setStatus(status);
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            if (contentType != null) {
                response.setContentType(contentType);
            }
            if (locale != null) {
                response.setLocale(locale);
            }
            String page = text;
            for (Map.Entry<String, String> value : texts.entrySet()) {
                page = page.replace(marker(value.getKey()), HtmlUtils.htmlEscape(value.getValue(), "UTF-8"));
            }
            page = page.replace(marker(RETOUR), URLEncoder.encode(retour, StandardCharsets.UTF_8));
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(page);
        }
    }

    /**
     * The response as the page's way writes it: status, headers and text kept here, nothing sent; a
     * cookie goes on to the real response at once and marks the copy as the family's own.
     */
    private static final class Captured extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter();
        private final PrintWriter writer = new PrintWriter(text);
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private int status = SC_OK;
        private String contentType;
        private Locale locale;
        private boolean personal;
        private boolean sent;

        Captured(HttpServletResponse response) {
            super(response);
        }

        Printed printed(long now) {
            writer.flush();
            Map<String, List<String>> kept = new LinkedHashMap<>();
            headers.forEach((name, values) -> kept.put(name, List.copyOf(values)));
            return new Printed(now, status, kept, contentType, locale, text.toString(), personal, sent);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the waiting page is written as text");
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public void resetBuffer() {
            writer.flush();
            text.getBuffer().setLength(0);
        }

        @Override
        public void reset() {
            resetBuffer();
            headers.clear();
            status = SC_OK;
            contentType = null;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) throws IOException {
            sent = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sent = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) {
            status = SC_FOUND;
            setHeader("Location", location);
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void setLocale(Locale locale) {
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale == null ? super.getLocale() : locale;
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // always UTF-8 (see Printed.writeTo)
        }

        @Override
        public void addCookie(Cookie cookie) {
            personal = true;
            super.addCookie(cookie);
        }

        @Override
        public void setHeader(String name, String value) {
            if (isCookie(name)) {
                personal = true;
                super.setHeader(name, value);
                return;
            }
            headers.remove(existing(name));
            if (value != null) {
                headers.put(name, new ArrayList<>(List.of(value)));
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (isCookie(name)) {
                personal = true;
                super.addHeader(name, value);
                return;
            }
            String key = existing(name);
            headers.computeIfAbsent(key == null ? name : key, k -> new ArrayList<>()).add(value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, httpDate(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, httpDate(date));
        }

        @Override
        public boolean containsHeader(String name) {
            return existing(name) != null || super.containsHeader(name);
        }

        @Override
        public String getHeader(String name) {
            String key = existing(name);
            return key == null ? super.getHeader(name) : headers.get(key).get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            String key = existing(name);
            return key == null ? super.getHeaders(name) : List.copyOf(headers.get(key));
        }

        @Override
        public Collection<String> getHeaderNames() {
            List<String> names = new ArrayList<>(super.getHeaderNames());
            names.addAll(headers.keySet());
            return names;
        }

        private String existing(String name) {
            return headers.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        private static String httpDate(long epochMillis) {
            return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneOffset.UTC));
        }

        private static boolean isCookie(String name) {
            return name.toLowerCase(Locale.ROOT).startsWith("set-cookie");
        }
    }
}
