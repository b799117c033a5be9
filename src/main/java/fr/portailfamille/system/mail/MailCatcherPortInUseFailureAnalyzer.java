package fr.portailfamille.system.mail;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Replaces GreenMail's stack trace, when the zero-setup run's SMTP port is taken, by Spring Boot's
 * « APPLICATION FAILED TO START » report: which port, and the variable that moves it (as Spring Boot
 * does for the web port). Registered in {@code META-INF/spring.factories}.
 */
class MailCatcherPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<MailCatcherPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailCatcherPortInUseException cause) {
        int port = cause.port();
        return new FailureAnalysis(
                "Le port " + port + " du serveur SMTP local (courriels interceptés, /courriels) est déjà utilisé par un autre programme.",
                "Arrêtez ce programme, ou choisissez un autre port avec la variable PORTAL_MAIL_CATCHER_PORT, par exemple :"
                        + " PORTAL_MAIL_CATCHER_PORT=" + (port + 1) + " mvn spring-boot:run",
                cause);
    }
}
