package fr.portailfamille.billing;

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
    static final String MONTH = "month";
    /** Boolean: day sheets of the month are still open (the run waits, finances get a task). */
    static final String SHEETS_OPEN = "sheetsOpen";
    /** The open sheets, one a line (« Centre de loisirs du 12/11/2026 »). */
    static final String OPEN_SHEETS = "openSheets";
    static final String RUN_ID = "billingRunId";
    static final String RUN_MONTH = "runMonth";
    static final String RUN_FAMILIES = "runFamilies";
    static final String RUN_INVOICES = "runInvoices";
    static final String RUN_AMOUNT = "runAmount";
    static final String RUN_WITHOUT_QUOTIENT = "runWithoutQuotient";
    /** Boolean set by each batch of the notification step: families are left to tell (the model loops). */
    static final String FAMILIES_LEFT = "familiesLeft";
    /** Integer, optional: families mailed per job of the notification step for this run (else billing.notify-batch-size). */
    static final String NOTIFY_BATCH_SIZE = "notifyBatchSize";
    /** The review's decision: publish the drafts, or discard them. */
    static final String PUBLISH = "publish";

    private MonthlyBillingProcess() {}
}
