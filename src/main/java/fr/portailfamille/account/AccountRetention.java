package fr.portailfamille.account;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of the accounts: activation and password-reset links that can no
 * longer be used (counted from the first of: used, replaced, expired). Accounts never activated are
 * purged by their own process after 24 hours ({@code accountActivation}).
 */
@Configuration(proxyBeanMethods = false)
class AccountRetention {

    @Bean
    RetentionRule usedTokensRetention(RetentionProperties policy) {
        return new RetentionRule("compte.liens", policy.usedTokens(), """
                delete from account_token
                where least(coalesce(used_at, 'infinity'), coalesce(revoked_at, 'infinity'), expires_at) < :cutoff""");
    }
}
