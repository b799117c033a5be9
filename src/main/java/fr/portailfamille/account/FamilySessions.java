package fr.portailfamille.account;

import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The families' sessions (Spring Session JDBC) indexed by user name, so that a new password ends
 * every other session of the account ({@link FindByIndexNameSessionRepository#findByPrincipalName}).
 * The portal keeps the family's security context under its own session key, which Spring Session's
 * default resolver does not read.
 */
@Configuration(proxyBeanMethods = false)
class FamilySessions {

    /** The session attribute of the families' security chain (see PortalSecurityConfiguration). */
    static final String FAMILY_SECURITY_CONTEXT = "PORTAL_FAMILY_SECURITY_CONTEXT";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> familyPrincipalIndex() {
        return repository -> repository.setIndexResolver(FamilySessions::indexes);
    }

    static Map<String, String> indexes(Session session) {
        Object context = session.getAttribute(FAMILY_SECURITY_CONTEXT);
        if (context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof FamilyPrincipal family) {
            return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, family.getUsername());
        }
        return Map.of();
    }
}
