package fr.portailfamille.system.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a module adds to the families' security chain (another way to sign in, say), applied after
 * the chain's own settings: its session, CSRF, throttled password login and security context
 * repository (shared object {@code SecurityContextRepository}) are in place when it runs.
 */
public interface FamilyChainCustomizer {

    void customize(HttpSecurity http) throws Exception;

    /**
     * What checks the module's own proofs of identity: the chain's one authentication manager holds them
     * beside the password check (providers a configurer registers on {@code http} are not consulted).
     */
    default List<AuthenticationProvider> authenticationProviders() {
        return List.of();
    }
}
