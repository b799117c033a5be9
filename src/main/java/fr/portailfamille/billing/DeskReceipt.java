package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.time.Instant;

/** The receipt of a desk payment (« RG-2026-000012 »), as listed for the family and the agents. */
public record DeskReceipt(long id, String number, long familyFileId, BigDecimal amount, String mode, Instant receivedAt) {

    public String amountText() {
        return Euros.of(amount);
    }

    public String receivedOnText() {
        return PortalTime.DATE.format(receivedAt.atZone(PortalTime.ZONE));
    }

    public String modeLabel() {
        return new InvoiceView.Payment(mode, amount, receivedAt).modeLabel();
    }
}
