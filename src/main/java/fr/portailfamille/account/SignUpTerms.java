package fr.portailfamille.account;

import jakarta.validation.constraints.AssertTrue;

/** The wizard's third step: the terms of use accepted, or the account is not created. */
record SignUpTerms(
        @AssertTrue(message = "Pour créer votre compte, cochez « j'ai lu et j'accepte les conditions générales d'utilisation ».")
        boolean accept) {
}
