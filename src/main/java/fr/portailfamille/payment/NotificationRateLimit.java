package fr.portailfamille.payment;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public notification endpoint does signature checks and database work for anyone who posts:
 * a generous Bucket4j limit per client address ({@code portal.payment.notifications-per-minute},
 * far above what the gateway sends) answers 429 to a flood before any of that work.
 */
@Configuration(proxyBeanMethods = false)
class NotificationRateLimit {

    private static final int MAX_KEYS = 10_000;

    @Bean
    NotificationLimiter notificationLimiter(@Value("${portal.payment.notifications-per-minute:300}") int perMinute) {
        return new NotificationLimiter(perMinute);
    }

    @Bean
    FilterRegistrationBean<NotificationLimiter> notificationRateLimitFilter(NotificationLimiter limiter) {
        FilterRegistrationBean<NotificationLimiter> registration = new FilterRegistrationBean<>(limiter);
        registration.setName("payment-notification-rate-limit");
        registration.addUrlPatterns(PaymentConfiguration.NOTIFICATION_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** One token bucket per client address, refilled every minute. */
    static final class NotificationLimiter extends OncePerRequestFilter {

        private final int perMinute;
        private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        });

        NotificationLimiter(int perMinute) {
            this.perMinute = perMinute;
        }

        int perMinute() {
            return perMinute;
        }

        /** Forgets every count (tests, which all call from one address). */
        void reset() {
            buckets.clear();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                    .build());
            if (!bucket.tryConsume(1)) {
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
