package fr.portailfamille.apiparticulier;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of API Particulier's data: the record of a call, a withdrawn consent
 * (kept meanwhile as evidence of its dates; the identity typed for it is erased at the withdrawal) and a
 * family's line of a yearly refresh report (the quotient before and after), {@code portal.retention.quotient-fetches}
 * after them. A standing consent stays; the quotient read stays in the family's quotients like any other.
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

    /** A line of a refresh: from when the family was asked, or (never asked: a refresh left unfinished) from the end of its year. */
    @Bean
    RetentionRule refreshLinesRetention(RetentionProperties policy) {
        return new RetentionRule("api-particulier.actualisations", policy.quotientFetches(),
                "delete from quotient_refresh_item where coalesce(done_at, make_date(refresh_year + 1, 1, 1)::timestamptz) < :cutoff");
    }
}
