package fr.portailfamille.account;

import fr.portailfamille.system.validation.SingleLine;

/**
 * The wizard's second step: the file number and name given at the Guichet Unique, or « Je n'ai
 * pas ces informations, continuer sans ». Whether they match a file is checked by
 * {@link SignUpService#claimFile}, which answers with one neutral message for the whole form (it
 * never tells which of the two was wrong).
 */
record SignUpFileClaim(
        @SingleLine(max = 20, tooLong = "20 caractères au plus.")
        String number,
        @SingleLine(max = 100)
        String name,
        boolean without) {

    SignUpFileClaim {
        number = number == null ? "" : number.trim();
        name = name == null ? "" : name.trim();
    }
}
