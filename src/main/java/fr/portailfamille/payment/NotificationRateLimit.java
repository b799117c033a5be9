package fr.portailfamille.payment;

import fr.portailfamille.system.limits.SharedLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public notification endpoints (SystemPay, PayFiP) do signature checks, web service calls and database work for anyone who posts:
 * a generous limit per client address ({@code portal.payment.notifications-per-minute}, far above
 * what the gateway sends), counted by every node together ({@link SharedLimits}), answers 429 to a
 * flood before any of that work.
 */
@Configuration(proxyBeanMethods = false)
class NotificationRateLimit {

    @Bean
    NotificationLimiter notificationLimiter(SharedLimits limits, @Value("${portal.payment.notifications-per-minute:300}") int perMinute) {
        return new NotificationLimiter(limits.limit("payment-notification", perMinute, Duration.ofMinutes(1)));
    }

    @Bean
    FilterRegistrationBean<NotificationLimiter> notificationRateLimitFilter(NotificationLimiter limiter) {
        FilterRegistrationBean<NotificationLimiter> registration = new FilterRegistrationBean<>(limiter);
        registration.setName("payment-notification-rate-limit");
        registration.addUrlPatterns(PaymentConfiguration.NOTIFICATION_PATH, PaymentConfiguration.PAYFIP_NOTIFICATION_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** One token bucket per client address, refilled every minute. */
    static final class NotificationLimiter extends OncePerRequestFilter {

        private final SharedLimits.Limit limit;

        NotificationLimiter(SharedLimits.Limit limit) {
            this.limit = limit;
        }

        int perMinute() {
            return limit.capacity();
        }

        /** Forgets the count of the local addresses (tests, which all call from 127.0.0.1). */
        void reset() {
            limit.reset("127.0.0.1");
            limit.reset("0:0:0:0:0:0:0:1");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (limit.tryTake(request.getRemoteAddr()) < 0) {
                response.setStatus(429);
                response.setHeader("Retry-After", "60");
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write("Trop de notifications".getBytes(StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
