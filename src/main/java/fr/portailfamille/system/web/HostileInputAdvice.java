package fr.portailfamille.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Forged form field names no page sends ({@code guardians[99999].id}, {@code rows[-1].qfMin}): the
 * binder refuses them with an exception that would be a 500; they are a bad request, answered with
 * the French 400 page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostileInputAdvice {

    @ExceptionHandler(InvalidPropertyException.class)
    void forgedFieldName(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
