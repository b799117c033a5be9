package fr.portailfamille.billing;

import fr.portailfamille.system.FormRefusal;

/**
 * A billing request that cannot be carried out, with a French sentence for the agent who made it
 * ({@link #sentence()}); from a Tasklist form it answers 400 with that sentence.
 */
class BillingException extends FormRefusal {

    BillingException(String message) {
        super(message);
    }
}
