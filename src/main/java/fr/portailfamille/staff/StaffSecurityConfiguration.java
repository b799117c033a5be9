package fr.portailfamille.staff;

import fr.portailfamille.system.security.StaffPrincipal;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The staff realm, authenticated against Camunda identity.
 * <ul>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin) keeps Camunda's own login, session and CSRF;</li>
 *   <li>{@code /engine-rest/**} requires HTTP Basic checked by Camunda, so its authorizations apply;</li>
 *   <li>{@code /agent/**} (our staff pages) needs a staff login;</li>
 *   <li>{@code /actuator/**} but health needs staff HTTP Basic.</li>
 * </ul>
 * A family's portal session opens none of these.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // Camunda's webapps run their own CSRF protection (X-XSRF-TOKEN) and login
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.cacheControl(c -> c.disable()));
        return http.build();
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
    @Order(2)
    SecurityFilterChain staffChain(HttpSecurity http, IdentityService identityService) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey("PORTAL_STAFF_SECURITY_CONTEXT");
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/agent/**"), paths.matcher("/agent")))
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths.matcher("/agent/connexion")).permitAll()
                        .anyRequest().hasRole(StaffPrincipal.ROLE))
                .formLogin(f -> f.loginPage("/agent/connexion").loginProcessingUrl("/agent/connexion")
                        .defaultSuccessUrl("/agent", false).failureUrl("/agent/connexion?erreur"))
                .logout(l -> l.logoutUrl("/agent/deconnexion").logoutSuccessUrl("/agent/connexion?deconnecte"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        // like the families' pages: no staff URL (file ids, task ids) leaks to another site
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Actuator: health (liveness, readiness) for everyone, the rest for staff with HTTP Basic. */
    @Bean
    @Order(3)
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
}
