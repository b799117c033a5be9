package fr.portailfamille.billing;

import fr.portailfamille.system.BusinessRefusal;

/** A billing request that cannot be carried out, with a French message for the agent who made it. */
class BillingException extends BusinessRefusal {

    BillingException(String message) {
        super(message);
    }
}
