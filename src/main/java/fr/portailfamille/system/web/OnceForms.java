package fr.portailfamille.system.web;

import fr.portailfamille.system.retention.RetentionRule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Period;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Double submission of a form (see {@link OnceOnly}): the one-time token put into every POST form,
 * and the interceptor that lets only the first request with a token do the work. The tokens live
 * in PostgreSQL ({@code form_submission}), so a repeat sent to another node is recognised too.
 */
@Configuration(proxyBeanMethods = false)
class OnceForms implements WebMvcConfigurer {

    static final String FIELD = "_formulaire";
    private static final Logger log = LoggerFactory.getLogger(OnceForms.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CLAIMED = OnceForms.class.getName() + ".claimed";
    private static final String LAST_METHOD = OnceForms.class.getName() + ".method";
    /** How long a repeat waits for the first submission's answer before doing the work itself. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final JdbcClient jdbc;

    OnceForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token field beside the CSRF one: Spring Security's processor is wrapped, never replaced. */
    @Bean
    static BeanPostProcessor onceFormFields() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestDataValueProcessor processor && "requestDataValueProcessor".equals(beanName)) {
                    return new WithToken(processor);
                }
                return bean;
            }
        };
    }

    /** Adds {@value #FIELD} to each form that is not a GET. */
    record WithToken(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            request.setAttribute(LAST_METHOD, method);
            return delegate.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = delegate.getExtraHiddenFields(request);
            Object method = request.getAttribute(LAST_METHOD);
            request.removeAttribute(LAST_METHOD);
            if (method != null && "GET".equalsIgnoreCase(method.toString())) {
                return fields;
            }
            Map<String, String> withToken = new HashMap<>(fields == null ? Map.of() : fields);
            withToken.put(FIELD, newToken());
            return withToken;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                return claim(request, response, handler);
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                settle(request, response, ex);
            }
        });
    }

    private boolean claim(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(OnceOnly.class)) {
            return true;
        }
        String token = request.getParameter(FIELD);
        if (token == null || token.isBlank() || token.length() > 64) {
            return true;
        }
        if (jdbc.sql("insert into form_submission (token) values (?) on conflict do nothing").param(token).update() == 1) {
            request.setAttribute(CLAIMED, token);
            return true;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Optional<String>> row = jdbc.sql("select location from form_submission where token = ?").param(token)
                    .query((rs, n) -> Optional.ofNullable(rs.getString(1))).list();
            if (row.isEmpty()) {
                // the first one ended without a redirect (the form shown again): this one may try
                return claimAgain(request, token);
            }
            if (row.get(0).isPresent()) {
                log.info("Formulaire envoyé deux fois ({}) : la réponse du premier envoi est renvoyée", request.getRequestURI());
                response.sendRedirect(row.get(0).get());
                return false;
            }
            Thread.sleep(100);
        }
        log.warn("Formulaire envoyé deux fois ({}) : le premier envoi n'a pas répondu à temps", request.getRequestURI());
        return true;
    }

    private boolean claimAgain(HttpServletRequest request, String token) {
        if (jdbc.sql("insert into form_submission (token) values (?) on conflict do nothing").param(token).update() == 1) {
            request.setAttribute(CLAIMED, token);
        }
        return true;
    }

    private void settle(HttpServletRequest request, HttpServletResponse response, Exception ex) {
        Object token = request.getAttribute(CLAIMED);
        if (token == null) {
            return;
        }
        String location = response.getHeader("Location");
        int status = response.getStatus();
        if (ex == null && status >= 300 && status < 400 && location != null && location.length() <= 2000) {
            jdbc.sql("update form_submission set location = ? where token = ?").params(location, token).update();
        } else {
            jdbc.sql("delete from form_submission where token = ?").param(token).update();
        }
    }

    /** Tokens are worth a day at most (a form left open longer simply gets a fresh one when shown again). */
    @Bean
    RetentionRule formSubmissionRetention() {
        return new RetentionRule("formulaires.jetons", Period.ofDays(1), "delete from form_submission where created_at < :cutoff");
    }
}
