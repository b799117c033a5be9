package fr.portailfamille.system.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The page Tomcat writes itself when a request never reaches the application (a path with an
 * encoded slash or a NUL, refused by the server before any filter): in French like the portal's
 * error pages, without Tomcat's English report and version. Every other error is the portal's
 * own page (Spring Boot's {@code /error}), which this valve leaves alone.
 */
public class FrenchErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = status == 404 ? "Page introuvable" : status >= 500 ? "Une erreur est survenue" : "Demande non traitée";
        String text = status >= 500
                ? "Le portail n'a pas pu traiter votre demande. Réessayez dans quelques instants."
                : "L'adresse demandée n'est pas valable (" + status + "). Vérifiez le lien ou revenez à l'accueil.";
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><main><h1>"
                        + title + "</h1><p>" + text + "</p><p><a href=\"/\">Retour à l'accueil</a></p></main></body></html>");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed meanwhile: nothing more to say
        }
    }
}
