package fr.portailfamille.system.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a successful login, gives the attempt's throttle tokens back, remembers the address and goes where the family was heading. */
class ThrottleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    ThrottleAwareSuccessHandler() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        PortalSecurityConfiguration.ThrottleFilter.attempt(request).succeeded();
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
