/**
 * « Paiement en ligne »: the family pays pending invoices by card through the SystemPay gateway
 * (Lyra form protocol V2), driven by the process {@code invoicePayment}. The gateway's
 * server-to-server notification (IPN) is the only source of truth; the browser's return only
 * displays. In the zero-setup and test runs a simulator plays the gateway.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paiement en ligne",
        allowedDependencies = {"billing", "family", "staff", "system", "system :: *"})
package fr.portailfamille.payment;
