package fr.portailfamille.franceconnect;

import fr.portailfamille.system.security.FamilyChainCustomizer;
import fr.portailfamille.system.web.PublicRoutes;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FranceConnectProperties.class)
class FranceConnectConfiguration {

    @Bean(destroyMethod = "destroy")
    @Profile({"local", "test"})
    @ConditionalOnProperty(name = "portal.franceconnect.simulator.enabled", havingValue = "true")
    FranceConnectSimulator franceConnectSimulator(FranceConnectProperties settings) {
        return new FranceConnectSimulator(settings.simulator().port(), settings.acrValues());
    }

    /** The town's provider when configured, else the local one when it runs, else none. */
    @Bean
    FranceConnect franceConnect(FranceConnectProperties settings, ObjectProvider<FranceConnectSimulator> simulator) {
        if (settings.configured()) {
            return new FranceConnect(settings);
        }
        return new FranceConnect(Optional.ofNullable(simulator.getIfAvailable()).map(s -> s.endpoints(settings)).orElse(null));
    }

    @Bean
    PublicRoutes franceConnectPublicRoutes() {
        return PublicRoutes.of("/oauth2/authorization/franceconnect", "/login/oauth2/code/franceconnect",
                "/franceconnect/rattacher", "/franceconnect/rattacher/**");
    }

    @Bean
    FamilyChainCustomizer franceConnectLogin(FranceConnect franceConnect, IdentityLinks links,
            fr.portailfamille.account.FamilySignIn signIn, JwtDecoderFactory<ClientRegistration> idTokenDecoders) {
        return new FranceConnectLogin(franceConnect, links, signIn, idTokenDecoders);
    }

    /**
     * ID tokens (and user info given as a signed JWT) are checked against the provider's published keys,
     * with the usual OpenID checks (issuer, audience, expiry, nonce by the login filter) and the level of
     * assurance FranceConnect must certify ({@code acr}).
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> franceConnectIdTokenDecoders(FranceConnect franceConnect) {
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwtValidatorFactory(registration -> new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration), token -> acrChecked(token, franceConnect)));
        return decoders;
    }

    /** eIDAS levels of assurance, low to high ({@code eidas1} is FranceConnect's « substantiel » minimum for us); 0 = unknown. */
    static int levelOf(String acr) {
        return acr == null ? 0 : java.util.List.of("eidas1", "eidas2", "eidas3").indexOf(acr) + 1;
    }

    private static OAuth2TokenValidatorResult acrChecked(Jwt token, FranceConnect franceConnect) {
        String acr = token.getClaimAsString("acr");
        return franceConnect.enabled() && levelOf(acr) >= levelOf(franceConnect.acrValues()) && levelOf(acr) > 0
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_acr",
                        "niveau de garantie de l'identité insuffisant : " + acr, null));
    }
}
