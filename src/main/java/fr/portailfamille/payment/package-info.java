/**
 * « Paiement en ligne »: the family pays pending invoices through the SystemPay card gateway (Lyra
 * form protocol V2) or PayFiP « Régie Web-service » (DGFiP), as the town configures, driven by the
 * process {@code invoicePayment}. SystemPay's signed server-to-server notification (IPN), and for
 * PayFiP the Treasury's web service asked about the operation, are the only sources of truth; the
 * browser's return only displays. In the zero-setup and test runs simulators play both gateways.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paiement en ligne",
        allowedDependencies = {"billing", "family", "staff", "system", "system :: *"})
package fr.portailfamille.payment;
