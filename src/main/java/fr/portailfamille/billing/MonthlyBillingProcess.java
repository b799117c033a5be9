package fr.portailfamille.billing;

import fr.portailfamille.staff.ProcessVariable;

/** The {@code monthlyBilling} process: its key, element ids and variable names, written once. */
final class MonthlyBillingProcess {

    static final String KEY = "monthlyBilling";

    /** The message that starts a run from the staff page {@code /agent/facturation}. */
    static final String MESSAGE_BILL_MONTH = "billMonth";

    /** Timer (1st of the month) and Tasklist start form: the process's initial start event. */
    static final String START_TIMER = "StartEvent_FirstOfMonth";
    static final String START_FORM = "StartEvent_AskedByFinances";
    static final String TASK_CHECK_SHEETS = "Task_CheckSheets";
    static final String TASK_CLOSE_SHEETS = "Task_CloseSheets";
    static final String TASK_COMPUTE_DRAFTS = "Task_ComputeDrafts";
    static final String TASK_REVIEW = "Task_ReviewBillingRun";
    static final String TASK_PUBLISH = "Task_PublishInvoices";
    static final String TASK_NOTIFY = "Task_NotifyFamilies";
    static final String GATEWAY_FAMILIES_LEFT = "Gateway_FamiliesLeft";
    static final String TASK_DISCARD = "Task_DiscardDrafts";
    static final String END_PUBLISHED = "EndEvent_Published";
    static final String END_CANCELLED = "EndEvent_Cancelled";

    /** The month billed, {@code yyyy-MM} (chosen in the start form; the month just ended for the timer). */
    static final ProcessVariable<String> MONTH = ProcessVariable.text("month");
    /** Day sheets of the month are still open (the run waits, finances get a task). */
    static final ProcessVariable<Boolean> SHEETS_OPEN = ProcessVariable.flag("sheetsOpen");
    /** The open sheets, one a line (« Centre de loisirs du 12/11/2026 »). */
    static final ProcessVariable<String> OPEN_SHEETS = ProcessVariable.text("openSheets");
    static final ProcessVariable<Long> RUN_ID = ProcessVariable.id("billingRunId");
    static final ProcessVariable<String> RUN_MONTH = ProcessVariable.text("runMonth");
    static final ProcessVariable<Integer> RUN_FAMILIES = ProcessVariable.integer("runFamilies");
    static final ProcessVariable<Integer> RUN_INVOICES = ProcessVariable.integer("runInvoices");
    static final ProcessVariable<String> RUN_AMOUNT = ProcessVariable.text("runAmount");
    static final ProcessVariable<Integer> RUN_WITHOUT_QUOTIENT = ProcessVariable.integer("runWithoutQuotient");
    /** A Markdown link of the review form to the run's page, family by family with the anomalies first. */
    static final ProcessVariable<String> RUN_REVIEW_LINK = ProcessVariable.text("runReviewLink");
    /** « 2 avoir(s), 18,00 € »: credit notes of invoices published earlier whose attendance was corrected, or « aucun ». */
    static final ProcessVariable<String> RUN_CREDIT_NOTES = ProcessVariable.text("runCreditNotes");
    /** « 1 facture(s) avec régularisation, 8,00 € »: days billed too little on earlier invoices, billed on this run's, or « aucune ». */
    static final ProcessVariable<String> RUN_REGULARISATIONS = ProcessVariable.text("runRegularisations");
    /** The run's amount less its credit notes, as « 1 234,00 € ». */
    static final ProcessVariable<String> RUN_NET_AMOUNT = ProcessVariable.text("runNetAmount");
    /** Boolean set by each batch of the notification step: families are left to tell (the model loops). */
    static final ProcessVariable<Boolean> FAMILIES_LEFT = ProcessVariable.flag("familiesLeft");
    /** Integer, optional: families mailed per job of the notification step for this run (else billing.notify-batch-size). */
    static final ProcessVariable<Integer> NOTIFY_BATCH_SIZE = ProcessVariable.integer("notifyBatchSize");
    /** The review's decision: publish the drafts, or discard them. */
    static final ProcessVariable<Boolean> PUBLISH = ProcessVariable.flag("publish");

    private MonthlyBillingProcess() {}
}
