package fr.portailfamille.billing;

import java.util.List;

/**
 * Published in the transaction that publishes invoices: the invoices just numbered that wait for
 * payment with an amount due. A listener that records them in the same transaction follows each
 * invoice exactly once, whatever happens after the commit.
 */
public record InvoicesPublished(List<PendingInvoice> invoices) {

    public InvoicesPublished {
        invoices = List.copyOf(invoices);
    }
}
