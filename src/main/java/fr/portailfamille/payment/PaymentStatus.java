package fr.portailfamille.payment;

/** Where a card payment stands. Only a PENDING payment (or an EXPIRED one, for a late notification) changes. */
enum PaymentStatus {
    PENDING("en cours"),
    PAID("payé"),
    REFUSED("refusé"),
    CANCELLED("annulé"),
    ABANDONED("abandonné"),
    EXPIRED("expiré"),
    REVIEW("à vérifier par la régie");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The outcome a gateway transaction status means (docs/systempay.md, « The notification »). */
    static PaymentStatus ofTransStatus(String transStatus) {
        if (transStatus == null) {
            return REFUSED;
        }
        return switch (transStatus) {
            case "AUTHORISED", "AUTHORISED_TO_VALIDATE", "CAPTURED", "ACCEPTED" -> PAID;
            case "CANCELLED" -> CANCELLED;
            case "ABANDONED", "NOT_CREATED" -> ABANDONED;
            case "EXPIRED" -> EXPIRED;
            default -> REFUSED;
        };
    }
}
