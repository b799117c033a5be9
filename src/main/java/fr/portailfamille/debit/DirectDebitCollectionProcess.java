package fr.portailfamille.debit;

import fr.portailfamille.staff.ProcessVariable;

/**
 * Process {@code directDebitCollection} (business key {@code PRLV-2026-11}): started for a month's
 * batch when billing's publication creates it (message {@code debitBatchCreated}) or by finances in
 * Tasklist for a month; builds the batch's pain.008 file once, finances review it (« Contrôler le
 * lot de prélèvement ») and either transmit it to the bank or cancel the batch with a reason.
 */
final class DirectDebitCollectionProcess {

    static final String KEY = "directDebitCollection";
    /** The message the debit module correlates when a month's batch is created at publication. */
    static final String MESSAGE_BATCH_CREATED = "debitBatchCreated";

    static final String START_FORM = "StartEvent_StartedByFinances";
    static final String START_MESSAGE = "StartEvent_BatchCreated";
    static final String TASK_BUILD = "Task_BuildFile";
    static final String TASK_REVIEW = "Task_ReviewBatch";
    static final String TASK_TRANSMITTED = "Task_MarkTransmitted";
    static final String TASK_CANCEL = "Task_CancelBatch";
    static final String END_TRANSMITTED = "EndEvent_Transmitted";
    static final String END_CANCELLED = "EndEvent_Cancelled";

    /** The batch's month, {@code yyyy-MM} (the start form's field, or the message's). */
    static final ProcessVariable<String> MONTH = ProcessVariable.text("month");
    static final ProcessVariable<Long> BATCH_ID = ProcessVariable.id("debitBatchId");
    static final ProcessVariable<Integer> COUNT = ProcessVariable.integer("debitCount");
    /** « 1 234,50 € ». */
    static final ProcessVariable<String> TOTAL = ProcessVariable.text("debitTotal");
    /** « 05/12/2026 ». */
    static final ProcessVariable<String> DEBIT_DATE = ProcessVariable.text("debitDate");
    /** A Markdown link of the review form to the file, or a sentence when the batch is empty. */
    static final ProcessVariable<String> FILE_LINK = ProcessVariable.text("debitFileLink");
    /** The file's revision: 1 at the first build, one more each time it is built again during the review. */
    static final ProcessVariable<Integer> FILE_REVISION = ProcessVariable.integer("debitFileRevision");
    /** Which revision finances last downloaded, by whom and when, or that they have not yet. */
    static final ProcessVariable<String> LAST_DOWNLOAD = ProcessVariable.text("debitFileDownload");
    /** The review's decision: transmit the file to the bank, or cancel the batch. */
    static final ProcessVariable<Boolean> TRANSMIT = ProcessVariable.flag("transmit");
    /** Why the batch was cancelled (required then). */
    static final ProcessVariable<String> REASON = ProcessVariable.text("reason");
    /** Who decided at the review. */
    static final ProcessVariable<String> DECIDED_BY = ProcessVariable.text("decidedBy");

    static final String TRANSMIT_CHOICE = "transmettre";
    static final String CANCEL_CHOICE = "annuler";

    private DirectDebitCollectionProcess() {}
}
