package fr.portailfamille.billing;

/** A billing request that cannot be carried out, with a French message for the agent who made it. */
class BillingException extends RuntimeException {

    BillingException(String message) {
        super(message);
    }
}
