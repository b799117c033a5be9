package fr.portailfamille.debit;

import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.springframework.validation.Errors;

/**
 * « Payer par prélèvement » (a new mandate or a change of account), as typed (kept on a refusal).
 * The BIC is checked against the IBAN's country by {@link #checkBic}. The paper mandate adds its
 * signature date ({@link PaperMandateForm}).
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

    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder == null ? "" : holder.strip(); }
    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban == null ? "" : iban.strip(); }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic == null ? "" : bic.strip(); }
    public boolean isAccepted() { return accepted; }
    public void setAccepted(boolean accepted) { this.accepted = accepted; }

    /** The BIC, when given, must be a BIC of the IBAN's country. */
    void checkBic(Errors errors) {
        if (!errors.hasFieldErrors("iban") && !errors.hasFieldErrors("bic")) {
            SepaAccounts.bicProblem(bic, iban).ifPresent(problem -> errors.rejectValue("bic", "bic", problem));
        }
    }
}
