package fr.portailfamille.debit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/** The paper mandate the Guichet Unique records: the online form's fields and the day written on the paper. */
class PaperMandateForm extends MandateForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedOn;

    public LocalDate getSignedOn() { return signedOn; }
    public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }

    /** Signed on a day given, not in the future, not more than 36 months ago (an unused mandate lapses then). */
    void checkPaperDate(LocalDate today, Errors errors) {
        if (signedOn == null) {
            if (!errors.hasFieldErrors("signedOn")) {
                errors.rejectValue("signedOn", "required", "Indiquez la date de signature portée sur le mandat papier.");
            }
        } else if (signedOn.isAfter(today)) {
            errors.rejectValue("signedOn", "future", "La date de signature ne peut pas être dans le futur.");
        } else if (signedOn.isBefore(today.minusYears(3))) {
            errors.rejectValue("signedOn", "old",
                    "Un mandat signé il y a plus de 36 mois sans prélèvement n'est plus valable : faites signer un nouveau mandat.");
        }
    }
}
