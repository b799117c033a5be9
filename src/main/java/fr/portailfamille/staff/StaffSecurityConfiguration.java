package fr.portailfamille.staff;

import fr.portailfamille.system.security.StaffPrincipal;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The staff realm, authenticated against Camunda identity, with one sign-in: {@code /agent/connexion}.
 * <ul>
 *   <li>{@code /agent/**} (our staff pages) needs a staff session;</li>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin) shares that session: a visitor without it is
 *       sent to {@code /agent/connexion} and brought back after signing in (the API answers 401), and the
 *       webapps act as the signed-in agent ({@link StaffWebappAuthentication}); Camunda's own login is
 *       closed, its logout ends the staff session like {@code /agent/deconnexion}; Camunda keeps its CSRF
 *       protection ({@code X-XSRF-TOKEN});</li>
 *   <li>{@code /engine-rest/**} requires HTTP Basic checked by Camunda, so its authorizations apply;</li>
 *   <li>{@code /actuator/**} but health needs staff HTTP Basic.</li>
 * </ul>
 * A family's portal session opens none of these.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    /** Where the staff realm keeps its agent in the session: the same for the staff pages and the webapps. */
    private static final String STAFF_CONTEXT = "PORTAL_STAFF_SECURITY_CONTEXT";
    static final String SIGN_IN = "/agent/connexion";
    static final String SIGNED_OUT = "/agent/connexion?deconnecte";

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.cacheControl(c -> c.disable()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappsChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher pages = new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/camunda"), paths.matcher(HttpMethod.GET, "/camunda/"),
                paths.matcher(HttpMethod.GET, "/camunda/app/**"));
        // after signing in, back to the webapp asked for (its page, not one of its files)
        HttpSessionRequestCache returnTo = new HttpSessionRequestCache();
        returnTo.setMatchingRequestParameterName(null);
        returnTo.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).matches("/camunda/(app/[a-z]+/([^/.]+/)?)?"));
        http.securityMatcher(paths.matcher("/camunda/**"))
                .securityContext(c -> c.securityContextRepository(staffContexts()))
                .authorizeHttpRequests(a -> a
                        // one sign-in: Camunda's login form and API are closed
                        .requestMatchers(paths.matcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        .anyRequest().hasRole(StaffPrincipal.ROLE))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), pages)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE))
                .requestCache(c -> c.requestCache(returnTo))
                // the webapps' logout button ends the staff session too; the webapps then go to the sign-in page
                .logout(l -> l.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                // Camunda's webapps run their own CSRF protection (X-XSRF-TOKEN), logout included
                .csrf(c -> c.disable())
                .headers(h -> h.cacheControl(c -> c.disable()));
        return http.build();
    }

    /**
     * Runs the webapps as the signed-in agent: after Spring Security (order -100) and Spring Session, before
     * the webapps' own filters (registered by the Camunda starter with the lowest precedence).
     */
    @Bean
    FilterRegistrationBean<Filter> webappsStaffAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new StaffWebappAuthentication());
        registration.setName("camunda-webapps-staff-authentication");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** {@code /engine-rest}: HTTP Basic against Camunda identity; an anonymous call gets 401. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffChain(HttpSecurity http, IdentityService identityService) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/agent/**"), paths.matcher("/agent")))
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
                .securityContext(c -> c.securityContextRepository(staffContexts()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths.matcher(SIGN_IN)).permitAll()
                        .anyRequest().hasRole(StaffPrincipal.ROLE))
                .formLogin(f -> f.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .defaultSuccessUrl("/agent", false).failureUrl("/agent/connexion?erreur"))
                .logout(l -> l.logoutUrl("/agent/deconnexion").logoutSuccessUrl(SIGNED_OUT))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        // like the families' pages: no staff URL (file ids, task ids) leaks to another site
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Actuator: health (liveness, readiness) for everyone, the rest for staff with HTTP Basic. */
    @Bean
    @Order(4)
    SecurityFilterChain actuatorChain(HttpSecurity http, IdentityService identityService) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(StaffPrincipal.ROLE))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.realmName("Portail Famille - personnel"));
        return http.build();
    }

    private static HttpSessionSecurityContextRepository staffContexts() {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(STAFF_CONTEXT);
        return contexts;
    }
}
