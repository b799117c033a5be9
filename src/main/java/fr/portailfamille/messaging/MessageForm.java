package fr.portailfamille.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/** « Envoyer un message » and the reply of a thread, as typed (kept on a refusal). */
class MessageForm {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;

    private String service = "";
    private String theme = "";
    private String subject = "";
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

    /** French messages by field name of « Envoyer un message ». */
    Map<String, String> validateNew(RoutingTable routing) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (service.isBlank()) {
            errors.put("service", "Choisissez le service concerné.");
        } else if (!routing.offersService(service)) {
            errors.put("service", "Ce service n'est pas proposé : choisissez-en un dans la liste.");
        }
        if (theme.isBlank()) {
            errors.put("theme", "Choisissez le thème du message.");
        } else if (!errors.containsKey("service") && !routing.offers(service, theme)) {
            errors.put("theme", "Ce thème ne correspond pas au service choisi : choisissez un thème de « " + service + " ».");
        }
        if (subject.isBlank()) {
            errors.put("subject", "Indiquez l'objet du message.");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.put("subject", "L'objet ne doit pas dépasser " + MAX_SUBJECT + " caractères.");
        }
        validateBody(errors);
        return errors;
    }

    Map<String, String> validateReply() {
        Map<String, String> errors = new LinkedHashMap<>();
        validateBody(errors);
        return errors;
    }

    private void validateBody(Map<String, String> errors) {
        if (body.isBlank()) {
            errors.put("body", "Écrivez votre message.");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "Le message ne doit pas dépasser " + MAX_BODY + " caractères.");
        }
    }
}
