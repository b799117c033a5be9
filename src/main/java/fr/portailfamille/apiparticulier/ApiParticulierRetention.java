package fr.portailfamille.apiparticulier;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of API Particulier's data: the record of a call, and a withdrawn
 * consent (kept meanwhile as evidence of its dates), {@code portal.retention.quotient-fetches} after
 * them. A standing consent stays; the quotient read stays in the family's quotients like any other.
 */
@Configuration(proxyBeanMethods = false)
class ApiParticulierRetention {

    @Bean
    RetentionRule quotientFetchesRetention(RetentionProperties policy) {
        return new RetentionRule("api-particulier.lectures", policy.quotientFetches(),
                "delete from quotient_fetch where fetched_at < :cutoff");
    }

    @Bean
    RetentionRule withdrawnConsentsRetention(RetentionProperties policy) {
        return new RetentionRule("api-particulier.accords-retires", policy.quotientFetches(),
                "delete from quotient_consent where revoked_at < :cutoff");
    }
}
