package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordDocumentDecision}: the document becomes « accepté » or « refusé » with the reason. */
@Component
class RecordDocumentDecisionDelegate implements JavaDelegate {

    private final SupportingDocuments documents;

    RecordDocumentDecisionDelegate(SupportingDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewDecision decision = ReviewDecision.of(execution.getVariable(DocumentReviewProcess.APPROVED),
                execution.getVariable(DocumentReviewProcess.REASON));
        documents.decide(DocumentReviewProcess.DOCUMENT_ID.require(execution), decision);
    }
}
