package fr.portailfamille.debit;

import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A revoked mandate is kept as evidence for {@code portal.debit.closed-mandate-retention} (13 months
 * by default: the time a debtor may contest an unauthorised debit with the bank), then deleted with
 * its history. A live mandate is never purged.
 */
@Configuration(proxyBeanMethods = false)
class DebitRetention {

    @Bean
    RetentionRule revokedMandatesRetention(DebitProperties properties) {
        return new RetentionRule("prelevement.mandats-revoques", properties.closedMandateRetention(),
                "delete from debit_mandate where state = 'REVOQUE' and closed_at < :cutoff");
    }
}
