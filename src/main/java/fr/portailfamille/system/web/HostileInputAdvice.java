package fr.portailfamille.system.web;

import fr.portailfamille.system.PortalProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** What a forged or oversized form gets instead of a 500 or an empty page: a French 4xx page. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostileInputAdvice {

    private final PortalProperties properties;

    HostileInputAdvice(PortalProperties properties) {
        this.properties = properties;
    }

    /**
     * Field names no page sends ({@code guardians[99999].id}, {@code rows[-1].qfMin}): the binder refuses them with
     * an exception that would be a 500; they are a bad request.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    void forgedFieldName(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /**
     * A date computation that overflowed (a year of ±999,999,999 that a parameter slipped through):
     * a bad request, never a 500. Parameters are bounded by {@link DateParameters}; this is the net.
     */
    @ExceptionHandler(DateTimeException.class)
    void dateOutOfRange(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /**
     * An upload above what the server parses (10 MB a file, 30 MB a request), or whose part headers are oversized: the
     * page « Fichier trop volumineux » rendered here (the error dispatch of such a request renders an empty page).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("error/413", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("townName", properties.townName());
        return page;
    }
}
