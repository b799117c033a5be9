package fr.portailfamille.family;

import fr.portailfamille.staff.ProcessVariable;

/** Process {@code documentReview}: the Guichet Unique checks a supporting document a family uploaded. */
final class DocumentReviewProcess {

    static final String KEY = "documentReview";
    static final String TASK_REVIEW = "Task_ReviewDocument";
    static final String TASK_RECORD_DECISION = "Task_RecordDocumentDecision";
    static final String TASK_SEND_MAIL = "Task_SendDocumentDecisionMail";
    static final String END_REVIEWED = "EndEvent_DocumentReviewed";

    static final ProcessVariable<Long> DOCUMENT_ID = ProcessVariable.id("documentId");
    static final ProcessVariable<Long> FAMILY_FILE_ID = ProcessVariable.id("familyFileId");
    static final ProcessVariable<String> FAMILY_FILE_URL = ProcessVariable.text("familyFileUrl");
    static final ProcessVariable<String> DOCUMENT_URL = ProcessVariable.text("documentUrl");
    static final ProcessVariable<String> DOCUMENT_SUMMARY = ProcessVariable.text("documentSummary");
    static final String APPROVED = ReviewDecision.APPROVED;
    static final String REASON = ReviewDecision.REASON;

    private DocumentReviewProcess() {}
}
