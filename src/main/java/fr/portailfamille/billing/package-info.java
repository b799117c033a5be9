/**
 * « Facturation » (guide I-6 and II-4): the pricing engine, the monthly billing process
 * ({@code monthlyBilling}), invoices and their PDF, the history, desk payments and the tax
 * certificate. Its public API is {@link fr.portailfamille.billing.Invoices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facturation",
        allowedDependencies = {"planning", "registration", "activity", "attendance", "family", "staff", "system", "system :: *"})
package fr.portailfamille.billing;
