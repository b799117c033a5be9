package fr.portailfamille.staff;

import fr.portailfamille.system.security.LoginThrottle;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The staff logins' throttle, before Spring Security's chains and Camunda's REST authentication; and
 * the one path of the REST API Camunda leaves open.
 */
@Configuration(proxyBeanMethods = false)
class StaffLoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<StaffLoginThrottleFilter> staffLoginThrottle(LoginThrottle throttle) {
        FilterRegistrationBean<StaffLoginThrottleFilter> registration = new FilterRegistrationBean<>(new StaffLoginThrottleFilter(throttle));
        registration.setName("staff-login-throttle");
        registration.addUrlPatterns(StaffLoginThrottleFilter.URL_PATTERNS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineListGuard> engineListGuard(IdentityService identity) {
        FilterRegistrationBean<EngineListGuard> registration = new FilterRegistrationBean<>(new EngineListGuard(identity));
        registration.setName("engine-list-guard");
        registration.addUrlPatterns(EngineListGuard.URL_PATTERNS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
