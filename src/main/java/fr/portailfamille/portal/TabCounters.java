package fr.portailfamille.portal;

import java.util.function.IntSupplier;

/**
 * The counters of the tabs and tiles: invoices waiting for payment, unread messages. Each is read
 * when a template first shows it, then kept for the rest of the page: a request that renders no
 * page (a form posted, then redirected) costs no query.
 */
public final class TabCounters {

    private final IntSupplier pendingInvoicesSource;
    private final IntSupplier unreadMessagesSource;
    private Integer pendingInvoices;
    private Integer unreadMessages;

    TabCounters(IntSupplier pendingInvoices, IntSupplier unreadMessages) {
        this.pendingInvoicesSource = pendingInvoices;
        this.unreadMessagesSource = unreadMessages;
    }

    /** For templates written with bean properties ({@code tabCounters.pendingInvoices}). */
    public int getPendingInvoices() {
        if (pendingInvoices == null) {
            pendingInvoices = pendingInvoicesSource.getAsInt();
        }
        return pendingInvoices;
    }

    public int getUnreadMessages() {
        if (unreadMessages == null) {
            unreadMessages = unreadMessagesSource.getAsInt();
        }
        return unreadMessages;
    }
}
