package fr.portailfamille.franceconnect;

import fr.portailfamille.account.FamilySignIn;
import fr.portailfamille.system.security.FamilyChainCustomizer;
import fr.portailfamille.system.security.FamilyPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds FranceConnect to the families' chain: Spring Security's OAuth2 login (authorization code,
 * {@code state} and {@code nonce} checked, ID token verified with the provider's keys and {@code acr}
 * required), then our own end of the flow: an identity linked to an active account signs that account
 * in; any other goes to « Relier FranceConnect à mon compte », where only the account's password
 * (typed once, through the one throttled login) makes the link — never an e-mail that matches.
 * « Se déconnecter » also ends the FranceConnect session ({@code id_token_hint}) when it came from it.
 */
class FranceConnectLogin implements FamilyChainCustomizer {

    static final String PENDING = FranceConnectLogin.class.getName() + ".pending";
    private static final String ID_TOKEN = FranceConnectLogin.class.getName() + ".idToken";
    private static final String ENDING_ID_TOKEN = FranceConnectLogin.class.getName() + ".ending";
    private static final Logger log = LoggerFactory.getLogger(FranceConnectLogin.class);

    private final FranceConnect franceConnect;
    private final IdentityLinks links;
    private final FamilySignIn signIn;

    private final OidcUserService users = new OidcUserService();
    private final OidcAuthorizationCodeAuthenticationProvider codes;

    FranceConnectLogin(FranceConnect franceConnect, IdentityLinks links, FamilySignIn signIn,
            JwtDecoderFactory<ClientRegistration> idTokenDecoders) {
        this.franceConnect = franceConnect;
        this.links = links;
        this.signIn = signIn;
        users.setOauth2UserService(new SignedUserInfoService());
        users.setRetrieveUserInfo(request -> true);
        codes = new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(), users);
        codes.setJwtDecoderFactory(idTokenDecoders);
    }

    /** The code exchanged for tokens, the ID token checked (signature, issuer, audience, expiry, nonce, acr), the user info read. */
    @Override
    public List<AuthenticationProvider> authenticationProviders() {
        return franceConnect.enabled() ? List.of(codes) : List.of();
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        Optional<ClientRegistration> registration = franceConnect.registration();
        if (registration.isEmpty()) {
            return;
        }
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration.get());
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(r -> r.additionalParameters(p -> p.put("acr_values", franceConnect.acrValues())));
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        RequestCache heading = http.getSharedObject(RequestCache.class);

        SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/connexion?franceconnect-erreur") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                    org.springframework.security.core.AuthenticationException exception)
                    throws IOException, jakarta.servlet.ServletException {
                log.warn("Connexion FranceConnect refusée : {}", exception.getMessage());
                super.onAuthenticationFailure(request, response, exception);
            }
        };

        http.oauth2Login(o -> o
                .loginPage("/connexion")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .userInfoEndpoint(u -> u.oidcUserService(users))
                .successHandler((request, response, authentication) -> signedIn(request, response, authentication, contexts, heading))
                .failureHandler(refused)
                // a start that cannot be made (another provider than FranceConnect asked for) goes back to « Connexion »
                // with the same French message, where Spring's own answer would be a 500
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O start) {
                        start.setAuthenticationFailureHandler(refused);
                        return start;
                    }
                }))
                .logout(l -> l
                        .addLogoutHandler((request, response, authentication) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null && session.getAttribute(ID_TOKEN) != null) {
                                request.setAttribute(ENDING_ID_TOKEN, session.getAttribute(ID_TOKEN));
                            }
                        })
                        .logoutSuccessHandler(this::loggedOut));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
            SecurityContextRepository contexts, RequestCache heading) throws IOException {
        FranceConnectIdentity identity = FranceConnectIdentity.of((OidcUser) authentication.getPrincipal());
        // whatever happens next, the provider's own authentication never stays the portal's
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Optional<FamilyPrincipal> family = links.accountOf(identity.issuer(), identity.subject()).flatMap(signIn::activeAccount);
        HttpSession session = request.getSession();
        if (family.isPresent()) {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(family.get(), null,
                    family.get().getAuthorities()));
            session.setAttribute(ID_TOKEN, identity.idToken());
            session.removeAttribute(PENDING);
        } else {
            session.setAttribute(PENDING, identity);
        }
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (family.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/franceconnect/rattacher");
            return;
        }
        SavedRequest asked = heading == null ? null : heading.getRequest(request, response);
        if (asked != null) {
            heading.removeRequest(request, response);
        }
        response.sendRedirect(asked != null ? asked.getRedirectUrl() : request.getContextPath() + "/");
    }

    private void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + "/connexion").replaceQuery("deconnecte").build().toUriString();
        Object idToken = request.getAttribute(ENDING_ID_TOKEN);
        Optional<String> endSession = franceConnect.endSessionUri();
        if (idToken == null || endSession.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/connexion?deconnecte");
            return;
        }
        response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.get())
                .queryParam("id_token_hint", idToken)
                .queryParam("state", UUID.randomUUID().toString())
                .queryParam("post_logout_redirect_uri", back)
                .encode().build().toUriString());
    }
}
