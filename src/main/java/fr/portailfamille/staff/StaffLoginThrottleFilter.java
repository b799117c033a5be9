package fr.portailfamille.staff;

import fr.portailfamille.system.security.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every way a staff member signs in — HTTP Basic on {@code /engine-rest} and {@code /actuator}, the
 * form of {@code /agent/connexion} (also the webapps' sign-in) — goes through the {@link LoginThrottle}
 * before the password reaches Camunda: an address or an account that failed too often is refused
 * with a delay that ends (429, or the login page « trop de tentatives »), and Camunda's own
 * permanent lock is never reached (see {@link StaffEnginePlugin}). The outcome is read from the
 * answer: 401 (HTTP Basic), or the login page's error redirect.
 */
class StaffLoginThrottleFilter extends OncePerRequestFilter {

    static final String[] URL_PATTERNS = {"/engine-rest/*", "/actuator/*", "/agent/connexion"};

    private final LoginThrottle throttle;

    StaffLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    private enum Kind { BASIC, FORM }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        String username = kind == null ? null : username(request, kind);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle.Attempt attempt = throttle.begin(LoginThrottle.Realm.STAFF, username, request.getRemoteAddr());
        if (!attempt.admitted()) {
            refuse(request, response, kind);
            return;
        }
        Outcome outcome = new Outcome(response);
        try {
            chain.doFilter(request, outcome);
        } finally {
            boolean failed = switch (kind) {
                case BASIC -> outcome.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
                case FORM -> outcome.redirect == null || outcome.redirect.contains("erreur");
            };
            if (failed) {
                attempt.failed();
            } else {
                attempt.succeeded();
            }
        }
    }

    private static Kind kind(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (path.startsWith("/engine-rest/") || path.startsWith("/actuator/"))) {
            return Kind.BASIC;
        }
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        return path.equals("/agent/connexion") ? Kind.FORM : null;
    }

    private static String username(HttpServletRequest request, Kind kind) {
        if (kind == Kind.FORM) {
            String username = request.getParameter("username");
            return username == null ? "" : username;
        }
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        return credentials == null ? "" : credentials[0];
    }

    /** The user and password of an HTTP Basic {@code Authorization} header, or null. */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Kind kind) throws IOException {
        if (kind == Kind.FORM) {
            response.sendRedirect(request.getContextPath() + "/agent/connexion?bloque");
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", "900");
        boolean json = request.getHeader("Accept") != null && request.getHeader("Accept").toLowerCase(Locale.ROOT).contains("json");
        String message = "Trop de tentatives de connexion : réessayez dans quelques minutes.";
        response.setContentType(json ? "application/json;charset=UTF-8" : "text/plain;charset=UTF-8");
        response.getOutputStream().write((json ? "{\"type\":\"TooManyRequests\",\"message\":\"" + message + "\"}" : message)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps where the answer redirects to. */
    private static final class Outcome extends HttpServletResponseWrapper {

        private String redirect;

        Outcome(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            redirect = location;
            super.sendRedirect(location);
        }
    }
}
