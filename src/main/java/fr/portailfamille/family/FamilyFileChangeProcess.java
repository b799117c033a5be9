package fr.portailfamille.family;

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

    static final String CHANGE_REQUEST_ID = "changeRequestId";
    static final String FAMILY_FILE_ID = "familyFileId";
    static final String FAMILY_FILE_URL = "familyFileUrl";
    static final String REQUEST_SUMMARY = "requestSummary";
    static final String APPROVED = ReviewDecision.APPROVED;
    static final String REASON = ReviewDecision.REASON;

    private FamilyFileChangeProcess() {}
}
