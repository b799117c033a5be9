package fr.portailfamille.payment;

/**
 * The online gateways a town may offer ({@code portal.payment.gateways}): SystemPay, the card
 * gateway of the régie's bank, and PayFiP, the DGFiP's payment service for public bodies. The
 * label is what the family reads when it chooses at « Étape 2 ».
 */
enum PaymentGateway {
    SYSTEMPAY("Carte bancaire", "paiement sécurisé de la banque de la Régie"),
    PAYFIP("PayFiP", "service de paiement de la Direction générale des Finances publiques (carte bancaire ou prélèvement unique)");

    private final String label;
    private final String description;

    PaymentGateway(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
