package fr.portailfamille.payment;

/**
 * What PayFiP's {@code resultrans} means for a payment. Codes of the DGFiP's guide « PayFiP Régie
 * Web-service » (§ « recupererDetailPaiementSecurise »): {@code P} paid by card, {@code V} paid by
 * single direct debit (prélèvement unique), {@code R} refused, {@code A} and {@code Z} abandoned
 * by the payer. Anything else — an unknown or future code — is never taken as paid: the payment is
 * refused and its invoices released (a payment the Treasury later reports paid still settles them
 * through {@code latePayment}, or goes to finances to refund).
 */
final class PayFipResult {

    private PayFipResult() {}

    static PaymentStatus verdict(String resultrans) {
        if (resultrans == null) {
            return PaymentStatus.REFUSED;
        }
        return switch (resultrans) {
            case "P", "V" -> PaymentStatus.PAID;
            case "A", "Z" -> PaymentStatus.ABANDONED;
            default -> PaymentStatus.REFUSED;
        };
    }
}
