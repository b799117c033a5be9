package fr.portailfamille.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * « Envoyer un message » and the reply of a thread, as typed (kept on a refusal). The message is
 * checked for both; service, theme and subject only for a new message ({@link New}); whether the
 * routing table offers the service and the theme by {@link #checkRouting}.
 */
class MessageForm {

    /** The constraints of « Envoyer un message » only (a reply has no service, theme nor subject). */
    interface New {}

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;

    @NotBlank(groups = New.class, message = "Choisissez le service concerné.")
    private String service = "";
    @NotBlank(groups = New.class, message = "Choisissez le thème du message.")
    private String theme = "";
    @NotBlank(groups = New.class, message = "Indiquez l'objet du message.")
    @Size(groups = New.class, max = MAX_SUBJECT, message = "L'objet ne doit pas dépasser {max} caractères.")
    private String subject = "";
    @NotBlank(message = "Écrivez votre message.")
    @Size(max = MAX_BODY, message = "Le message ne doit pas dépasser {max} caractères.")
    private String body = "";
    private boolean confirmationByMail;

    public String getService() { return service; }
    public void setService(String service) { this.service = service == null ? "" : service; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme == null ? "" : theme; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject == null ? "" : subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body == null ? "" : body; }
    public boolean isConfirmationByMail() { return confirmationByMail; }
    public void setConfirmationByMail(boolean confirmationByMail) { this.confirmationByMail = confirmationByMail; }

    /** A service and a theme the deployed routing table offers, the theme one of the service's. */
    void checkRouting(RoutingTable routing, Errors errors) {
        if (!errors.hasFieldErrors("service") && !routing.offersService(service)) {
            errors.rejectValue("service", "offered", "Ce service n'est pas proposé : choisissez-en un dans la liste.");
        }
        if (!errors.hasFieldErrors("theme") && !errors.hasFieldErrors("service") && !routing.offers(service, theme)) {
            errors.rejectValue("theme", "offered", "Ce thème ne correspond pas au service choisi : choisissez un thème de « " + service + " ».");
        }
    }
}
