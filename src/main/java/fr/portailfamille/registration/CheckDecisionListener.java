package fr.portailfamille.registration;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of « Valider la pré-inscription »: the form is checked again on the server. A
 * missing decision, or a refusal without a reason, throws: the task stays open.
 */
@Component
class CheckDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object approved = task.getVariable(PreRegistrationProcess.APPROVED.name());
        if (!(approved instanceof Boolean decision)) {
            throw new ProcessEngineException("Indiquez si la pré-inscription est validée ou refusée.");
        }
        Object reason = task.getVariable(PreRegistrationProcess.REASON.name());
        if (!decision && (!(reason instanceof String text) || text.isBlank())) {
            throw new ProcessEngineException("Indiquez le motif du refus : il est envoyé à la famille.");
        }
        if (reason instanceof String text && text.length() > 1000) {
            throw new ProcessEngineException("Le motif ne dépasse pas 1000 caractères.");
        }
    }
}
