package fr.portailfamille.billing;

import static fr.portailfamille.staff.StaffGroup.FINANCES;
import static fr.portailfamille.staff.StaffGroup.GUICHET_UNIQUE;

import fr.portailfamille.staff.ProcessGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code finances} may start the monthly billing from Tasklist, and {@code finances} and
 * {@code guichet-unique} may record a desk payment.
 */
@Configuration(proxyBeanMethods = false)
class BillingAuthorizations {

    @Bean
    ProcessGrants billingProcessGrants() {
        return ProcessGrants.declare()
                .start(MonthlyBillingProcess.KEY, FINANCES)
                .start(DeskPaymentProcess.KEY, FINANCES, GUICHET_UNIQUE);
    }
}
