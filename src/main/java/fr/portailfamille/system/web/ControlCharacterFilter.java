package fr.portailfamille.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Removes the control characters nobody types (NUL, bell, escape…; tab and line breaks stay) from
 * every request parameter before a controller reads it: PostgreSQL refuses a NUL in text, and the
 * others only hide or garble what the staff read.
 */
@Component
class ControlCharacterFilter extends OncePerRequestFilter {

    private static final Pattern UNTYPEABLE = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    static String clean(String value) {
        return value == null ? null : UNTYPEABLE.matcher(value).replaceAll("");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private Map<String, String[]> cleaned;

            @Override
            public String getParameter(String name) {
                String[] values = getParameterMap().get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = getParameterMap().get(name);
                return values == null ? null : values.clone();
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                if (cleaned == null) {
                    Map<String, String[]> map = new LinkedHashMap<>();
                    super.getParameterMap().forEach((name, values) ->
                            map.put(name, Arrays.stream(values).map(ControlCharacterFilter::clean).toArray(String[]::new)));
                    cleaned = Collections.unmodifiableMap(map);
                }
                return cleaned;
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return Collections.enumeration(getParameterMap().keySet());
            }
        }, response);
    }
}
