package fr.portailfamille.family;

import fr.portailfamille.staff.ProcessVariable;

/** Process {@code familyFileChange}: the Guichet Unique accepts or refuses a change of identity data or quotient familial. */
final class FamilyFileChangeProcess {

    static final String KEY = "familyFileChange";
    static final String TASK_REVIEW = "Task_ReviewFamilyFileChange";
    static final String GATEWAY_APPROVED = "Gateway_ChangeApproved";
    static final String TASK_APPLY = "Task_ApplyFamilyFileChange";
    static final String TASK_REFUSE = "Task_RefuseFamilyFileChange";
    static final String TASK_MAIL_APPLIED = "Task_SendChangeAppliedMail";
    static final String TASK_MAIL_REFUSED = "Task_SendChangeRefusedMail";
    static final String END_APPLIED = "EndEvent_ChangeApplied";
    static final String END_REFUSED = "EndEvent_ChangeRefused";

    static final ProcessVariable<Long> CHANGE_REQUEST_ID = ProcessVariable.id("changeRequestId");
    static final ProcessVariable<Long> FAMILY_FILE_ID = ProcessVariable.id("familyFileId");
    static final ProcessVariable<String> FAMILY_FILE_URL = ProcessVariable.text("familyFileUrl");
    static final ProcessVariable<String> REQUEST_SUMMARY = ProcessVariable.text("requestSummary");
    /** The form's facts: what the file holds now, what is asked, the documents that support it (Markdown links). */
    static final ProcessVariable<String> CURRENT_VALUE = ProcessVariable.text("currentValue");
    static final ProcessVariable<String> REQUESTED_VALUE = ProcessVariable.text("requestedValue");
    static final ProcessVariable<String> SUPPORTING_DOCUMENTS = ProcessVariable.text("supportingDocuments");
    static final String APPROVED = ReviewDecision.APPROVED;
    static final String REASON = ReviewDecision.REASON;

    private FamilyFileChangeProcess() {}
}
