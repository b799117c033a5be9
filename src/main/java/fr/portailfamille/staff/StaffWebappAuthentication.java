package fr.portailfamille.staff;

import fr.portailfamille.system.security.StaffPrincipal;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tasklist, Cockpit and Admin trust the staff sign-in of {@code /agent/connexion}: Camunda's
 * container-based authentication, fed with the agent the staff realm of Spring Security has in the
 * session. The webapps then act as that user with the groups read at sign-in, so Camunda's
 * authorizations (a service sees its own tasks) apply exactly as with Camunda's own login, which is
 * closed. Runs after Spring Security (which already sent a visitor without a staff session to the
 * sign-in page, or answered 401 on the API) and before the webapps' own authentication filter.
 */
class StaffWebappAuthentication extends ContainerBasedAuthenticationFilter {

    @Override
    public void init(FilterConfig filterConfig) {
        authenticationProvider = new StaffSessionProvider();
    }

    /** The agent of the staff realm's security context, or not authenticated. */
    static final class StaffSessionProvider implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || !(authentication.getPrincipal() instanceof StaffPrincipal staff)) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(staff.userId());
            result.setGroups(staff.groups());
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // no challenge: the staff sign-in is the page /agent/connexion
        }
    }
}
