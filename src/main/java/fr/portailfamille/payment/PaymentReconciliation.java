package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Puts right what a crash left half-done: at every start and every morning (process
 * {@code paymentReconciliation}) the stored notifications not yet applied or told are replayed, the
 * PayFiP payments not settled yet are asked again from the Treasury by their idOp;
 * the payments still pending long after the timeout are listed for finances.
 *
 * <p>At the start the replay runs once the portal is ready, on a thread of its own: the start does
 * not wait for it (its first queries warm up the HQL parsers, seconds on the main thread), and it is
 * safe beside the notifications arriving meanwhile, each one applied under its row's lock.
 */
@Component
class PaymentReconciliation implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final NotificationService notifications;
    private final PayFipPayments payFip;
    private final PaymentRepository payments;
    private final FamilyFiles families;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentReconciliation(NotificationService notifications, PayFipPayments payFip, PaymentRepository payments, FamilyFiles families,
            PaymentProperties properties, Clock clock) {
        this.notifications = notifications;
        this.payFip = payFip;
        this.payments = payments;
        this.families = families;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::replayAtStart, "reprise-des-paiements");
        thread.setDaemon(true);
        thread.start();
    }

    /** The replay of the start: what a crash left half-done, applied and told. */
    void replayAtStart() {
        try {
            int replayed = notifications.replay();
            if (replayed > 0) {
                log.warn("{} notification(s) de paiement reprise(s) au démarrage", replayed);
            }
        } catch (RuntimeException e) {
            log.error("Reprise des notifications de paiement au démarrage impossible ; elle sera refaite par la réconciliation du matin", e);
        }
    }

    /**
     * Replays, asks the Treasury again about the PayFiP payments not settled yet (a lost
     * notification is made good here), then describes each payment still PENDING beyond the
     * timeout, one line each.
     */
    List<String> check() {
        notifications.replay();
        int asked = payFip.requery();
        if (asked > 0) {
            log.info("{} paiement(s) PayFiP mis à jour par la réconciliation", asked);
        }
        return payments.findByStatusAndCreatedAtBeforeOrderByCreatedAt(PaymentStatus.PENDING,
                clock.instant().minus(properties.timeout())).stream()
                .map(p -> p.getOrderId() + " – " + PortalTime.DATE_TIME.format(p.getCreatedAt().atZone(PortalTime.ZONE)) + " – "
                        + families.find(p.getFamilyFileId()).map(f -> f.name() + " (" + f.number() + ")").orElse("?") + " – "
                        + Euros.ofCents(p.getAmountCents()))
                .toList();
    }
}
