package fr.portailfamille.debit;

import jakarta.validation.constraints.AssertTrue;

/** « Révoquer le mandat »: asked twice, by a box to tick, so that one click never stops the debits. */
class RevokeForm {

    @AssertTrue(message = "Cochez la case pour confirmer la révocation du mandat.")
    private boolean confirmed;

    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
