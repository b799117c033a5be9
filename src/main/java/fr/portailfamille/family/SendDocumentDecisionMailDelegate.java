package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendDocumentDecisionMail} (asynchronous): the family is told whether its document was accepted. */
@Component
class SendDocumentDecisionMailDelegate implements JavaDelegate {

    private final SupportingDocuments documents;

    SendDocumentDecisionMailDelegate(SupportingDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        documents.mailDecision(DocumentReviewProcess.DOCUMENT_ID.require(execution));
    }
}
