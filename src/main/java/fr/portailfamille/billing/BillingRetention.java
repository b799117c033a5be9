package fr.portailfamille.billing;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of the billing: closed invoices (paid or cancelled, with their PDF,
 * lines and settlements) and desk payments, once the accounting period has run out — counted in whole
 * years from the end of the year of issue. An invoice still to pay is never purged.
 */
@Configuration(proxyBeanMethods = false)
class BillingRetention {

    @Bean
    RetentionRule invoicesRetention(RetentionProperties policy) {
        return new RetentionRule("facturation.factures", policy.invoices(), """
                delete from invoice where state in ('PAID', 'CANCELLED')
                  and extract(year from coalesce(issued_on, cast(created_at as date))) < extract(year from cast(:cutoff as date))""");
    }

    @Bean
    RetentionRule deskPaymentsRetention(RetentionProperties policy) {
        return new RetentionRule("facturation.paiements-guichet", policy.invoices(),
                "delete from desk_payment where extract(year from received_at) < extract(year from cast(:cutoff as date))");
    }
}
