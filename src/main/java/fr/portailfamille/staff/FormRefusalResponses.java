package fr.portailfamille.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.system.FormRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A staff form the server refuses ({@link FormRefusal}: a task completed or a process started from
 * Tasklist or the REST API) is answered 400 with the French sentence alone as the error's message,
 * which Tasklist shows above the form, still filled in, instead of a 500 and an {@code ENGINE-…} text.
 */
@Configuration(proxyBeanMethods = false)
class FormRefusalResponses {

    /** Submissions of forms: task completion and process start, in the webapps' API and in /engine-rest. */
    private static final Pattern FORM_SUBMISSION = Pattern.compile(
            "/(camunda/api/engine/engine/[^/]+|engine-rest(/engine/[^/]+)?)/(task/[^/]+/(complete|submit-form|resolve)"
                    + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form))");
    private static final Pattern SENTENCE = Pattern.compile(
            Pattern.quote(FormRefusal.START) + "(.*?)" + Pattern.quote(FormRefusal.END), Pattern.DOTALL);

    @Bean
    FilterRegistrationBean<RefusalFilter> formRefusalResponsesFilter(ObjectMapper json) {
        FilterRegistrationBean<RefusalFilter> registration = new FilterRegistrationBean<>(new RefusalFilter(json));
        registration.setName("portal-form-refusals");
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        // inside the security filters, outside Camunda's
        registration.setOrder(1);
        return registration;
    }

    static class RefusalFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        RefusalFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod())
                    || !FORM_SUBMISSION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, buffered);
            String sentence = buffered.getStatus() >= 400 ? sentenceOf(buffered.getContentAsByteArray()) : null;
            if (sentence == null) {
                buffered.copyBodyToResponse();
                return;
            }
            buffered.resetBuffer();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "InvalidRequestException");
            body.put("message", sentence);
            body.put("code", 0);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(body));
        }

        private String sentenceOf(byte[] body) {
            try {
                JsonNode error = json.readTree(body);
                Matcher m = SENTENCE.matcher(error == null ? "" : error.path("message").asText(""));
                return m.find() ? m.group(1) : null;
            } catch (IOException notJson) {
                return null;
            }
        }
    }
}
