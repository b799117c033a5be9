package fr.portailfamille.system.security;

import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.web.FormTargets;
import fr.portailfamille.system.web.PublicRoutes;
import fr.portailfamille.system.web.SessionlessPages;
import fr.portailfamille.system.web.StaticResources;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The families' realm: every path not claimed by the staff chains. Form login against the portal
 * accounts, CSRF on every form, throttled failures, sessions in PostgreSQL (Spring Session JDBC).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/connexion", "/css/**", "/img/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/error/**");

    /** The policy, with {@code form-action} opened to the origins modules post forms to (the card gateway). */
    static String contentSecurityPolicy(List<FormTargets> formTargets) {
        String extra = formTargets.stream().flatMap(t -> t.origins().stream()).distinct()
                .map(origin -> " " + origin).collect(java.util.stream.Collectors.joining());
        return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self'" + extra);
    }

    /**
     * No Micrometer observation of each security filter, authentication and authorization (Spring
     * Security's default once an observation registry exists, as the actuator brings): nothing reads
     * them, and wrapping every filter of every chain in an observation was a tenth of a page's CPU in
     * the profile. The request's own metric ({@code http.server.requests}) stays.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PersistentLogins persistentLogins(UserDetailsService familyAccounts, JdbcClient jdbc, Clock clock) {
        // the key only marks the authentications this node creates from a cookie, checked in the same request
        return new PersistentLogins(UUID.randomUUID().toString(), familyAccounts, jdbc, clock);
    }

    /** How loaded the password checks are (the waiting room opens when they are full). */
    @Bean
    LoginLoad loginLoad() {
        return new LoginLoad();
    }

    @Bean
    PublicRoutes systemPublicRoutes() {
        return new PublicRoutes(ALWAYS_PUBLIC, List.of());
    }

    /**
     * The static files (styles, scripts, images, WebJars): public, never a session read or written,
     * and their cache headers left to {@link StaticResources} (a year, the URL carrying the content's
     * hash) instead of Spring Security's {@code no-cache, no-store}, which every page keeps.
     */
    @Bean
    @Order(0)
    SecurityFilterChain staticResourcesChain(HttpSecurity http, List<FormTargets> formTargets) throws Exception {
        http.securityMatcher(new OrRequestMatcher(matchers(StaticResources.PATHS.stream())))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(h -> h
                        .cacheControl(c -> c.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(formTargets)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The pages read without a session ({@link SessionlessPages}, GET and HEAD only): public, the pages'
     * headers ({@code no-cache, no-store} included), no session read or written, no security context,
     * no CSRF token (they hold no form; a POST to the same path goes to the families' chain).
     */
    @Bean
    @Order(1)
    SecurityFilterChain sessionlessPagesChain(HttpSecurity http, ObjectProvider<SessionlessPages> pages, List<FormTargets> formTargets)
            throws Exception {
        List<RequestMatcher> reads = pages.orderedStream().flatMap(p -> p.paths().stream()).distinct()
                .flatMap(path -> Stream.of(HttpMethod.GET, HttpMethod.HEAD)
                        .map(method -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, path)))
                .toList();
        http.securityMatcher(reads.isEmpty() ? request -> false : new OrRequestMatcher(reads))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                .csrf(c -> c.disable())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(formTargets)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain familyChain(HttpSecurity http, UserDetailsService familyAccounts, PasswordEncoder encoder,
            List<PublicRoutes> publicRoutes, List<FormTargets> formTargets, LoginThrottle throttle, MultipartProperties multipart,
            PortalProperties properties, PersistentLogins persistentLogins, List<FamilyLoginListener> loginListeners,
            List<FamilyChainCustomizer> customizers, LoginLoad loginLoad) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(familyAccounts);
        PortalProperties.LoginAdmission admission = properties.loginAdmission();
        int concurrentChecks = admission.concurrentChecks() > 0 ? admission.concurrentChecks()
                : LoginAdmission.defaultConcurrentChecks(Runtime.getRuntime().availableProcessors());
        provider.setPasswordEncoder(new LoginAdmission(encoder, concurrentChecks, admission.maxWaiting(), admission.maxWait(),
                loginLoad));
        // the password first, then the account's status: a wrong password on an account not yet activated
        // answers and counts like any wrong password, so nobody learns which accounts wait for activation
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());

        RequestMatcher[] open = matchers(publicRoutes.stream().flatMap(r -> r.paths().stream()));
        RequestMatcher[] csrfExempt = matchers(publicRoutes.stream().flatMap(r -> r.csrfExempt().stream()));
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey("PORTAL_FAMILY_SECURITY_CONTEXT");

        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);

        List<org.springframework.security.authentication.AuthenticationProvider> providers = new java.util.ArrayList<>();
        providers.add(provider);
        providers.add(new RememberMeAuthenticationProvider(persistentLogins.getKey()));
        customizers.forEach(c -> providers.addAll(c.authenticationProviders()));
        http.authenticationManager(new ProviderManager(providers))
                .requestCache(c -> c.requestCache(requestCache))
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(open).permitAll()
                        .anyRequest().hasRole(FamilyPrincipal.ROLE))
                .formLogin(f -> f
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .successHandler(new ThrottleAwareSuccessHandler(loginListeners))
                        .failureHandler((request, response, exception) -> {
                            String username = request.getParameter("username");
                            LoginThrottle.Attempt attempt = ThrottleFilter.attempt(request);
                            if (exception instanceof LoginAdmission.Busy) {
                                // not a failure of the family's: never counted by the throttle
                                attempt.notCounted();
                                String typed = username == null ? "" : username;
                                response.sendRedirect(request.getContextPath() + "/connexion?occupe&username="
                                        + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
                                return;
                            }
                            if (exception instanceof DisabledException) {
                                // only after the right password (account status is checked after it): the
                                // helpful « activez votre compte »; a wrong one is an ordinary failure below
                                attempt.notCounted();
                                response.sendRedirect(request.getContextPath() + "/connexion?inactif");
                                return;
                            }
                            attempt.failed();
                            response.sendRedirect(request.getContextPath() + "/connexion?erreur");
                        }))
                .rememberMe(r -> r.rememberMeServices(persistentLogins).key(persistentLogins.getKey()))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
                // the error page rendered for a refused request (dispatch ERROR, same method) changes nothing: without this,
                // an upload too large to be parsed would fail the token check again and answer an empty page
                .csrf(c -> c.ignoringRequestMatchers(csrfExempt).ignoringRequestMatchers(r -> r.getDispatcherType() == DispatcherType.ERROR))
                .exceptionHandling(e -> e.accessDeniedHandler(new TooLargeUploadHandler(multipart.getMaxFileSize().toBytes())))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(formTargets)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        for (FamilyChainCustomizer customizer : customizers) {
            customizer.customize(http);
        }
        return http.build();
    }

    private static RequestMatcher[] matchers(Stream<String> patterns) {
        return patterns.distinct().map(p -> PathPatternRequestMatcher.withDefaults().matcher(p)).toArray(RequestMatcher[]::new);
    }

    /**
     * An upload above what the server parses (spring.servlet.multipart.max-file-size) stops the parsing
     * before the CSRF token is read: the request is refused unread, and the family is told why (413,
     * « Fichier trop volumineux ») rather than « Accès refusé ». Any other refusal stays a 403.
     */
    static final class TooLargeUploadHandler implements AccessDeniedHandler {

        private final long maxFileBytes;
        private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

        TooLargeUploadHandler(long maxFileBytes) {
            this.maxFileBytes = maxFileBytes;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException, ServletException {
            String type = request.getContentType();
            if (denied instanceof CsrfException && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                    && request.getContentLengthLong() > maxFileBytes) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            otherwise.handle(request, response, denied);
        }
    }

    /**
     * Starts the throttle's count of a login attempt (its tokens are taken before the password is
     * checked, so parallel attempts get exactly the allowance) and refuses it at once while its
     * address, or its account from an address it never signed in from, is throttled.
     */
    static final class ThrottleFilter extends OncePerRequestFilter {

        private static final String ATTEMPT = ThrottleFilter.class.getName() + ".attempt";

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        static LoginThrottle.Attempt attempt(HttpServletRequest request) {
            return (LoginThrottle.Attempt) request.getAttribute(ATTEMPT);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/connexion".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            LoginThrottle.Attempt attempt = throttle.begin(LoginThrottle.Realm.FAMILY, request.getParameter("username"),
                    request.getRemoteAddr());
            if (!attempt.admitted()) {
                response.sendRedirect(request.getContextPath() + "/connexion?bloque");
                return;
            }
            request.setAttribute(ATTEMPT, attempt);
            chain.doFilter(request, response);
        }
    }
}
