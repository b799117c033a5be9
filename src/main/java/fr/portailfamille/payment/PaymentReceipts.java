package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The French receipt of a paid payment, mailed to the family. */
@Service
class PaymentReceipts {

    private static final Logger log = LoggerFactory.getLogger(PaymentReceipts.class);
    static final String SUBJECT = "Reçu de votre paiement en ligne";

    private final PaymentRepository payments;
    private final FamilyFiles families;
    private final MailService mail;
    private final PortalProperties portal;

    PaymentReceipts(PaymentRepository payments, FamilyFiles families, MailService mail, PortalProperties portal) {
        this.payments = payments;
        this.families = families;
        this.mail = mail;
        this.portal = portal;
    }

    @Transactional(readOnly = true)
    void send(long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow();
        if (payment.getStatus() != PaymentStatus.PAID || payment.getEmail() == null) {
            log.info("Paiement {} : pas de reçu (statut {}, adresse {})", payment.getOrderId(), payment.getStatus(), payment.getEmail());
            return;
        }
        List<Map<String, String>> lines = payment.getInvoices().stream()
                .map(i -> Map.of("number", i.getInvoiceNumber(), "amount", Euros.ofCents(i.getAmountCents()))).toList();
        mail.send(payment.getEmail(), SUBJECT + " " + payment.getOrderId(), "paiement-recu", Map.of(
                "familyName", families.find(payment.getFamilyFileId()).map(f -> f.name()).orElse(""),
                "reference", payment.getOrderId(),
                "paidAt", PortalTime.DATE_TIME.format(payment.getPaidAt().atZone(PortalTime.ZONE)),
                "total", Euros.ofCents(payment.getAmountCents()),
                "invoices", lines,
                "historyLink", portal.link("/facturation/historique")));
    }
}
