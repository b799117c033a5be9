package fr.portailfamille.dunning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Envoyer la 1re relance » and « Envoyer la 2e relance »: checks the invoice first (a payment the
 * process was not told of ends it here, without a reminder), then sends the reminder.
 */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final ReminderSender sender;

    SendReminderDelegate(ReminderSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = UnpaidInvoiceProcess.TASK_FIRST.equals(execution.getCurrentActivityId()) ? "FIRST" : "SECOND";
        long invoiceId = UnpaidInvoiceProcess.INVOICE_ID.require(execution);
        UnpaidInvoiceProcess.PAID.put(execution, !sender.send(invoiceId, kind, null));
    }
}
