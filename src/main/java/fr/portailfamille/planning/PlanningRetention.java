package fr.portailfamille.planning;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the retention policy purges of the planning: revoked iCalendar feed tokens, old traces of booking changes. */
@Configuration(proxyBeanMethods = false)
class PlanningRetention {

    @Bean
    RetentionRule revokedFeedsRetention(RetentionProperties policy) {
        return new RetentionRule("planning.flux-revoques", policy.revokedFeeds(),
                "delete from planning_feed where revoked_at < :cutoff");
    }

    @Bean
    RetentionRule bookingAuditRetention(RetentionProperties policy) {
        return new RetentionRule("planning.traces-reservations", policy.bookingAudit(),
                "delete from booking_audit where at < :cutoff");
    }
}
