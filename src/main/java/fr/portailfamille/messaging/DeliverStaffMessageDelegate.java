package fr.portailfamille.messaging;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Écrire à une famille »: checks the start form again on the server (a refusal undoes the start,
 * Tasklist shows the sentence) and puts the message, unread, in the family's inbox.
 */
@Component
class DeliverStaffMessageDelegate implements JavaDelegate {

    private final Inbox inbox;

    DeliverStaffMessageDelegate(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = text(execution, WriteToFamilyProcess.FILE_NUMBER.name());
        String subject = text(execution, WriteToFamilyProcess.SUBJECT.name());
        String body = text(execution, WriteToFamilyProcess.TEXT.name());
        if (number.isBlank() || subject.isBlank() || body.isBlank()) {
            throw new BadUserRequestException("Indiquez le numéro de dossier, l'objet et le message.");
        }
        if (subject.length() > MessageForm.MAX_SUBJECT || body.length() > MessageForm.MAX_BODY) {
            throw new BadUserRequestException("L'objet (200 caractères) ou le message (10 000 caractères) est trop long.");
        }
        long id;
        try {
            id = inbox.writeFirst(number, subject, body, WriteToFamilyProcess.INITIATOR.get(execution));
        } catch (IllegalArgumentException unknownFile) {
            throw new BadUserRequestException(unknownFile.getMessage());
        }
        WriteToFamilyProcess.MESSAGE_ID.put(execution, id);
        execution.removeVariable(WriteToFamilyProcess.TEXT.name());
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
