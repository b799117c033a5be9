package fr.portailfamille.system.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a successful login, forgets the account's failures and goes where the family was heading. */
class ThrottleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginThrottle throttle;

    ThrottleAwareSuccessHandler(LoginThrottle throttle) {
        this.throttle = throttle;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        throttle.recordSuccess(authentication.getName());
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
