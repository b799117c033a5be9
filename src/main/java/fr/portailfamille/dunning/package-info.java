/**
 * « Relances »: every published invoice with an amount due is followed by the process
 * {@code unpaidInvoice} until it is paid (by any channel), reminded twice, then handed over to the
 * Treasury as a « titre de recette », split into a payment plan or written off by the finances.
 * The module owns its tables ({@code dunning_*}) and reads invoices through
 * {@link fr.portailfamille.billing.Invoices} and billing's events; its public API is
 * {@link fr.portailfamille.dunning.Reminders}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Relances",
        allowedDependencies = {"billing", "family", "staff", "system", "system :: *"})
package fr.portailfamille.dunning;
