package fr.portailfamille.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /engine-rest/engine} (the list of engines) names no engine, so Camunda's REST authentication
 * lets it through without credentials. Here it needs a staff login like the rest of the API.
 */
class EngineListGuard extends OncePerRequestFilter {

    static final String[] URL_PATTERNS = {"/engine-rest/engine", "/engine-rest/engine/"};

    private final IdentityService identity;

    EngineListGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!authenticated(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authenticated(String authorization) {
        String[] credentials = StaffLoginThrottleFilter.basicCredentials(authorization);
        return credentials != null && !credentials[0].isEmpty() && identity.checkPassword(credentials[0], credentials[1]);
    }
}
