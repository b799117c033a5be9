package fr.portailfamille.dunning;

import fr.portailfamille.staff.ProcessVariable;

/** The {@code unpaidInvoice} process: its key, element ids, message and variable names, written once. */
final class UnpaidInvoiceProcess {

    static final String KEY = "unpaidInvoice";
    static final String BUSINESS_KEY_PREFIX = "REL-";

    /** Correlated (business key) when the invoice becomes paid: the process ends wherever it waits. */
    static final String MESSAGE_PAID = "invoicePaid";

    static final String START = "StartEvent_InvoicePublished";
    static final String TIMER_FIRST = "Timer_FirstReminder";
    static final String TASK_FIRST = "Task_SendFirstReminder";
    static final String TIMER_SECOND = "Timer_SecondReminder";
    static final String TASK_SECOND = "Task_SendSecondReminder";
    static final String TASK_DECIDE = "Task_IssueRevenueOrder";
    static final String TASK_RECORD_DECISION = "Task_RecordDecision";
    static final String TIMER_INSTALMENT = "Timer_Instalment";
    static final String TASK_CHECK_INSTALMENT = "Task_CheckInstalment";
    static final String END_PAID_AFTER_FIRST = "EndEvent_PaidAfterFirst";
    static final String END_PAID_AFTER_SECOND = "EndEvent_PaidAfterSecond";
    static final String END_PAID_BEFORE_DECISION = "EndEvent_PaidBeforeDecision";
    static final String END_PAID_BY_PLAN = "EndEvent_PaidByPlan";
    static final String END_PAID_MESSAGE = "EndEvent_PaidMessage";
    static final String END_HANDED_OVER = "EndEvent_HandedOver";
    static final String END_WRITTEN_OFF = "EndEvent_WrittenOff";

    // variables: references set at start
    static final ProcessVariable<Long> INVOICE_ID = ProcessVariable.id("invoiceId");
    static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.text("invoiceNumber");
    static final ProcessVariable<Long> FAMILY_FILE_ID = ProcessVariable.id("familyFileId");
    /** Set by each check: the invoice no longer waits for payment. */
    static final ProcessVariable<Boolean> PAID = ProcessVariable.flag("paid");
    /** The finances' decision in « Émettre un titre de recette ». */
    static final ProcessVariable<String> DECISION = ProcessVariable.text("decision");
    static final String DECISION_HAND_OVER = "HAND_OVER";
    static final String DECISION_PLAN = "PLAN";
    static final String DECISION_WRITE_OFF = "WRITE_OFF";
    static final ProcessVariable<String> WRITE_OFF_REASON = ProcessVariable.text("writeOffReason");
    /** The plan as typed in the form: one instalment per line, « JJ/MM/AAAA montant ». */
    static final ProcessVariable<String> PLAN_TEXT = ProcessVariable.text("planText");
    /** Set by the instalment check: {@code PAID} (all paid), {@code NEXT} (one more to wait for), {@code MISSED}. */
    static final ProcessVariable<String> INSTALMENT_OUTCOME = ProcessVariable.text("instalmentOutcome");

    private UnpaidInvoiceProcess() {}
}
