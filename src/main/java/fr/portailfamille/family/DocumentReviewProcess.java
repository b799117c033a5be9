package fr.portailfamille.family;

/** Process {@code documentReview}: the Guichet Unique checks a supporting document a family uploaded. */
final class DocumentReviewProcess {

    static final String KEY = "documentReview";
    static final String TASK_REVIEW = "Task_ReviewDocument";
    static final String TASK_RECORD_DECISION = "Task_RecordDocumentDecision";
    static final String TASK_SEND_MAIL = "Task_SendDocumentDecisionMail";
    static final String END_REVIEWED = "EndEvent_DocumentReviewed";

    static final String DOCUMENT_ID = "documentId";
    static final String FAMILY_FILE_ID = "familyFileId";
    static final String FAMILY_FILE_URL = "familyFileUrl";
    static final String DOCUMENT_URL = "documentUrl";
    static final String DOCUMENT_SUMMARY = "documentSummary";
    static final String APPROVED = ReviewDecision.APPROVED;
    static final String REASON = ReviewDecision.REASON;

    private DocumentReviewProcess() {}
}
