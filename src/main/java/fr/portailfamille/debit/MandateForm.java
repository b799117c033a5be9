package fr.portailfamille.debit;

import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * « Payer par prélèvement » (a new mandate or a change of account) and the paper mandate the Guichet
 * Unique records, as typed (kept on a refusal). The BIC is checked against the IBAN's country here,
 * the signature date (paper only) against the clock by {@link #checkPaperDate}.
 */
class MandateForm {

    @NotBlank(message = "Indiquez le nom du titulaire du compte.")
    @SingleLine(max = 70, tooLong = "Le nom du titulaire ne doit pas dépasser 70 caractères.")
    private String holder = "";
    @SepaIban
    private String iban = "";
    @SingleLine(max = 20, tooLong = "Un BIC compte 8 ou 11 caractères.")
    private String bic = "";
    @AssertTrue(message = "Cochez la case pour signer le mandat de prélèvement.")
    private boolean accepted;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedOn;

    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder == null ? "" : holder.strip(); }
    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban == null ? "" : iban.strip(); }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic == null ? "" : bic.strip(); }
    public boolean isAccepted() { return accepted; }
    public void setAccepted(boolean accepted) { this.accepted = accepted; }
    public LocalDate getSignedOn() { return signedOn; }
    public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }

    /** The BIC, when given, must be a BIC of the IBAN's country. */
    void checkBic(Errors errors) {
        if (!errors.hasFieldErrors("iban") && !errors.hasFieldErrors("bic")) {
            SepaAccounts.bicProblem(bic, iban).ifPresent(problem -> errors.rejectValue("bic", "bic", problem));
        }
    }

    /** A paper mandate: signed on a day given, not in the future, not before the SEPA scheme replaced the old debits. */
    void checkPaperDate(LocalDate today, Errors errors) {
        if (signedOn == null) {
            errors.rejectValue("signedOn", "required", "Indiquez la date de signature portée sur le mandat papier.");
        } else if (signedOn.isAfter(today)) {
            errors.rejectValue("signedOn", "future", "La date de signature ne peut pas être dans le futur.");
        } else if (signedOn.isBefore(today.minusYears(3))) {
            errors.rejectValue("signedOn", "old",
                    "Un mandat signé il y a plus de 36 mois sans prélèvement n'est plus valable : faites signer un nouveau mandat.");
        }
    }
}
