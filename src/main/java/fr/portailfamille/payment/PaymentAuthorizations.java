package fr.portailfamille.payment;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finances works the payment tasks in Tasklist (« Rembourser un paiement », « Vérifier un paiement », « Vérifier les
 * paiements en attente »): it may read the payment processes and their history.
 */
@Configuration(proxyBeanMethods = false)
class PaymentAuthorizations {

    @Bean
    ProcessGrants paymentProcessGrants() {
        ProcessGrants grants = ProcessGrants.declare();
        for (String key : new String[] {PaymentProcess.KEY, PaymentProcess.LATE_KEY, PaymentProcess.CHECK_KEY,
                PaymentProcess.RECONCILIATION_KEY}) {
            grants.readWithHistory(key, StaffGroup.FINANCES);
        }
        return grants;
    }
}
