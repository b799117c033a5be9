package fr.portailfamille.payment;

import fr.portailfamille.staff.ProcessVariable;

/**
 * The processes of online payment: their keys, element ids, messages and variables, written once
 * for the models' delegates, the services and the tests.
 *
 * <p>Who settles: the notification handler ({@link NotificationService}) settles a paid payment and
 * its invoices in one transaction, committed before the process hears of it; the processes then
 * only orchestrate (receipt mail, expiry, the finances tasks). A step that meets a payment already
 * settled changes nothing.
 */
final class PaymentProcess {

    /** {@code invoicePayment}: waits for the notification or the timeout. Business key = payment id. */
    static final String KEY = "invoicePayment";
    /** {@code latePayment}: a valid notification after expiry (receipt, or a refund for finances). */
    static final String LATE_KEY = "latePayment";
    /** {@code paymentCheck}: money the gateway took for an order we do not know (task for finances). */
    static final String CHECK_KEY = "paymentCheck";
    /** {@code paymentReconciliation}: the daily check of payments still pending. */
    static final String RECONCILIATION_KEY = "paymentReconciliation";

    static final String MESSAGE_NOTIFIED = "PaymentNotified";

    static final String EVENT_NOTIFIED = "Event_PaymentNotified";
    static final String TIMER_TIMEOUT = "Timer_PaymentTimeout";
    static final String GATEWAY_WAIT = "Gateway_WaitForNotification";
    static final String TASK_EXPIRE = "Task_ExpirePayment";
    static final String TASK_SEND_RECEIPT = "Task_SendReceipt";
    static final String TASK_REVIEW_REFUND = "Task_ReviewRefund";
    static final String TASK_RECORD_REFUND = "Task_RecordRefund";
    static final String END_PAID = "EndEvent_Paid";
    static final String END_NOT_PAID = "EndEvent_NotPaid";
    static final String END_EXPIRED = "EndEvent_Expired";
    static final String END_REFUNDED = "EndEvent_Refunded";

    static final String TASK_CHECK_PAYMENT = "Task_CheckPayment";
    static final String END_CHECKED = "EndEvent_PaymentChecked";

    static final String TASK_REVIEW_PENDING = "Task_ReviewPendingPayments";
    static final String END_NOTHING_PENDING = "EndEvent_NothingPending";
    static final String END_PENDING_REVIEWED = "EndEvent_PendingReviewed";

    /** Long: the payment's id (also the business key, as text). */
    static final ProcessVariable<Long> PAYMENT_ID = ProcessVariable.id("paymentId");
    /** Long: the refund finances handles in « Rembourser un paiement » (a payment may have several). */
    static final ProcessVariable<Long> REFUND_ID = ProcessVariable.id("refundId");
    /** Long: the notification finances checks in « Vérifier un paiement ». */
    static final ProcessVariable<Long> NOTIFICATION_ID = ProcessVariable.id("notificationId");
    /** String: a {@link PaymentStatus} name, set by the notification or the expiry step. */
    static final ProcessVariable<String> PAYMENT_STATUS = ProcessVariable.text("paymentStatus");
    /** String: ISO-8601 duration of the wait ({@code portal.payment.timeout}). */
    static final ProcessVariable<String> PAYMENT_TIMEOUT = ProcessVariable.text("paymentTimeout");
    /** Strings shown in the finances forms. */
    static final ProcessVariable<String> PAYMENT_REFERENCE = ProcessVariable.text("paymentReference");
    static final ProcessVariable<String> PAYMENT_AMOUNT = ProcessVariable.text("paymentAmount");
    static final ProcessVariable<String> FAMILY_NAME = ProcessVariable.text("familyName");
    static final ProcessVariable<String> REFUND_REASON = ProcessVariable.text("refundReason");
    /** Boolean and String filled in by finances in « Rembourser un paiement ». */
    static final ProcessVariable<Boolean> REFUND_DONE = ProcessVariable.flag("refundDone");
    static final ProcessVariable<String> REFUND_COMMENT = ProcessVariable.text("refundComment");
    /** Boolean and String filled in by finances in « Vérifier un paiement ». */
    static final ProcessVariable<Boolean> CHECK_DONE = ProcessVariable.flag("checkDone");
    static final ProcessVariable<String> CHECK_COMMENT = ProcessVariable.text("checkComment");
    /** String: the transaction as received, shown in « Vérifier un paiement ». */
    static final ProcessVariable<String> CHECK_DETAILS = ProcessVariable.text("checkDetails");
    /** Long and String of the reconciliation. */
    static final ProcessVariable<Long> STALE_COUNT = ProcessVariable.of("stalePaymentCount", Long.class);
    static final ProcessVariable<String> STALE_LIST = ProcessVariable.text("stalePayments");
    /** Boolean ticked by finances in « Vérifier les paiements en attente ». */
    static final ProcessVariable<Boolean> PENDING_CHECKED = ProcessVariable.flag("pendingChecked");

    private PaymentProcess() {}
}
