package fr.portailfamille.debit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A SEPA mandate as stored. {@code originalIban} is the account the bank last saw when the family
 * changed it since (the next debit carries the amendment); {@code firstCollectedOn} null means the
 * next debit is the first under this mandate.
 */
record Mandate(long id, long familyFileId, String rum, String holder, String iban, String bic, LocalDate signedOn, Channel channel,
        State state, String recordedBy, Instant createdAt, String originalIban, String originalBic, boolean changedBank,
        LocalDate firstCollectedOn, int rejects) {

    enum Channel { EN_LIGNE, PAPIER }

    enum State { ACTIF, SUSPENDU, REVOQUE }

    public String maskedIban() {
        return SepaAccounts.masked(iban);
    }

    public boolean live() {
        return state != State.REVOQUE;
    }

    public boolean amended() {
        return originalIban != null;
    }
}
