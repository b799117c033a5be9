/**
 * « Payer par prélèvement »: SEPA Core direct debit of the families' invoices. The module owns the
 * mandates ({@code debit_mandate}: holder, IBAN checked with iban4j, RUM, signature, state), signed
 * online from « Facturation » or recorded on paper by the Guichet Unique, amended and revoked; their
 * PDF is mailed. Its public API is {@link fr.portailfamille.debit.Mandates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Prélèvement",
        allowedDependencies = {"billing", "dunning", "family", "staff", "system", "system :: *"})
package fr.portailfamille.debit;
