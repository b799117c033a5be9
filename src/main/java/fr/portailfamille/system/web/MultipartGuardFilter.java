package fr.portailfamille.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses an upload's parts before anything else reads them, so that a part the server's parser
 * refuses with a runtime exception (a file name holding a NUL character, which no browser sends)
 * is a 400 with the French error page rather than a 500 thrown from the CSRF check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MultipartGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MultipartGuardFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            log.info("Envoi de fichier refusé ({}): {}", request.getRequestURI(), e.toString());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
