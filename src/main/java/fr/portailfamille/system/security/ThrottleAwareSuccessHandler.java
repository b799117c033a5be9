package fr.portailfamille.system.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful login, gives the attempt's throttle tokens back, remembers the address, tells
 * the modules listening, and goes where the family was heading (or where a listener sends it).
 */
class ThrottleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final List<FamilyLoginListener> listeners;

    ThrottleAwareSuccessHandler(List<FamilyLoginListener> listeners) {
        this.listeners = List.copyOf(listeners);
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        PortalSecurityConfiguration.ThrottleFilter.attempt(request).succeeded();
        if (authentication.getPrincipal() instanceof FamilyPrincipal family) {
            for (FamilyLoginListener listener : listeners) {
                Optional<String> elsewhere = listener.passwordLoginSucceeded(request, family);
                if (elsewhere.isPresent()) {
                    clearAuthenticationAttributes(request);
                    getRedirectStrategy().sendRedirect(request, response, elsewhere.get());
                    return;
                }
            }
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
