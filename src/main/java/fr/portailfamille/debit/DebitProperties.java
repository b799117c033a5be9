package fr.portailfamille.debit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the direct debit ({@code portal.debit.*}): the town's SEPA creditor identifier (ICS,
 * given by the Banque de France through the town's bank or the Treasury), the account the debits are
 * credited to, how many days ahead a family is told of a debit, and how long a closed mandate is kept.
 * The demo values are fictitious (bank code 99999) but valid by their checksums.
 */
@ConfigurationProperties("portal.debit")
record DebitProperties(
        @DefaultValue("FR04ZZZ900001") String creditorId,
        @DefaultValue("FR7699999000010001234567809") String creditorIban,
        @DefaultValue("") String creditorBic,
        @DefaultValue("14") int prenotificationDays,
        @DefaultValue("P13M") java.time.Period closedMandateRetention) {

    DebitProperties {
        creditorId = creditorId == null ? "" : creditorId.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        creditorIban = SepaAccounts.normalized(creditorIban);
        creditorBic = creditorBic == null ? "" : creditorBic.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SepaAccounts.isCreditorIdentifier(creditorId)) {
            throw new IllegalArgumentException("portal.debit.creditor-id (PORTAL_DEBIT_CREDITOR_ID) : identifiant créancier SEPA invalide « "
                    + creditorId + " »");
        }
        if (SepaAccounts.ibanProblem(creditorIban).isPresent()) {
            throw new IllegalArgumentException("portal.debit.creditor-iban (PORTAL_DEBIT_CREDITOR_IBAN) : IBAN invalide");
        }
        if (prenotificationDays < 1) {
            throw new IllegalArgumentException("portal.debit.prenotification-days : au moins 1 jour");
        }
    }
}
