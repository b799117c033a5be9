package fr.portailfamille.portal;

/** The counters of the tabs and tiles: invoices waiting for payment, unread messages. */
public record TabCounters(int pendingInvoices, int unreadMessages) {

    /** For templates written with bean properties ({@code tabCounters.pendingInvoices}). */
    public int getPendingInvoices() {
        return pendingInvoices;
    }

    public int getUnreadMessages() {
        return unreadMessages;
    }
}
