package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money the gateway took for an order we do not know (« Vérifier un paiement »): what finances
 * reads (the transaction as received), and what it did.
 */
@Service
class PaymentChecks {

    private final PaymentNotificationRepository notifications;
    private final Clock clock;

    PaymentChecks(PaymentNotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    record PaymentToCheck(String reference, String amount, String details) {}

    @Transactional(readOnly = true)
    PaymentToCheck describe(long notificationId) {
        PaymentNotification notification = notifications.findById(notificationId).orElseThrow();
        var fields = notification.fields();
        String amount;
        try {
            amount = Euros.ofCents(Long.parseLong(fields.getOrDefault("vads_effective_amount", fields.get("vads_amount"))))
                    + ("978".equals(fields.get("vads_currency")) ? "" : " (devise " + fields.get("vads_currency") + ")");
        } catch (NumberFormatException e) {
            amount = "montant illisible : " + fields.get("vads_amount");
        }
        String details = "Statut : " + fields.get("vads_trans_status") + "\nIdentifiant de transaction (UUID) : "
                + fields.get("vads_trans_uuid") + "\nCourriel du payeur : " + fields.getOrDefault("vads_cust_email", "")
                + "\nReçue le : " + PortalTime.DATE_TIME.format(
                        notification.getReceivedAt().atZone(PortalTime.ZONE));
        return new PaymentToCheck(NotificationService.checkReference(notification), amount, details);
    }

    @Transactional
    void recordDone(long notificationId, String by, String comment) {
        notifications.findById(notificationId).orElseThrow().reviewed(by, comment, clock.instant());
    }
}
