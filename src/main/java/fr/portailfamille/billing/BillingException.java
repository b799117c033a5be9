package fr.portailfamille.billing;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A billing request that cannot be carried out, with a French message for the agent who made it.
 * A {@link BadUserRequestException}: thrown while Tasklist submits a start form or completes a task,
 * the REST API answers 400 with this message, which Tasklist shows in the form (never a 500).
 */
class BillingException extends BadUserRequestException {

    BillingException(String message) {
        super(message);
    }
}
