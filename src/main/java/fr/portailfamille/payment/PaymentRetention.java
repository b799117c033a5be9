package fr.portailfamille.payment;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of the online payments: finished payments (with the invoices they
 * covered and their refund) and the gateway's notifications, in whole years from the end of their year.
 * A payment still pending or under review is never purged.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRetention {

    @Bean
    RetentionRule onlinePaymentsRetention(RetentionProperties policy) {
        return new RetentionRule("paiement.paiements-en-ligne", policy.onlinePayments(), """
                delete from payment where status not in ('PENDING', 'REVIEW')
                  and extract(year from created_at) < extract(year from cast(:cutoff as date))""");
    }

    @Bean
    RetentionRule notificationsRetention(RetentionProperties policy) {
        return new RetentionRule("paiement.notifications", policy.onlinePayments(),
                "delete from payment_notification where extract(year from received_at) < extract(year from cast(:cutoff as date))");
    }
}
