package fr.portailfamille.family;

import fr.portailfamille.system.FormRefusal;
import fr.portailfamille.system.StaffDecision;

/**
 * The decision of an agent on a review form ({@code approved}, {@code reason}): checked again on the
 * server, since Camunda Forms are validated only in the browser.
 */
record ReviewDecision(boolean approved, String reason) {

    static final String APPROVED = "approved";
    static final String REASON = "reason";

    /** Reads and checks the form's values; a refusal needs a reason. */
    static ReviewDecision of(Object approved, Object reason) {
        if (!(approved instanceof Boolean decision)) {
            throw new FormRefusal("Choisissez « Accepter » ou « Refuser » la demande.");
        }
        return new ReviewDecision(decision, StaffDecision.reason(decision, reason, 500));
    }
}
