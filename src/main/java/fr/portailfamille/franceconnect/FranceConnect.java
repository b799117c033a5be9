package fr.portailfamille.franceconnect;

import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The town's FranceConnect client, or none: read by the pages ({@code ${@franceConnect.enabled()}})
 * to show « S'identifier avec FranceConnect » only when it works.
 */
public class FranceConnect {

    static final String REGISTRATION_ID = "franceconnect";

    private final FranceConnectProperties settings;
    private final ClientRegistration registration;

    FranceConnect(FranceConnectProperties settings) {
        this.settings = settings;
        this.registration = settings == null ? null : ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("FranceConnect")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .issuerUri(settings.issuer())
                .authorizationUri(settings.authorizationUri())
                .tokenUri(settings.tokenUri())
                .userInfoUri(settings.userInfoUri())
                .userNameAttributeName("sub")
                .jwkSetUri(settings.jwkSetUri())
                .providerConfigurationMetadata(settings.endSessionUri() == null ? java.util.Map.of()
                        : java.util.Map.of("end_session_endpoint", settings.endSessionUri()))
                .build();
    }

    public boolean enabled() {
        return registration != null;
    }

    Optional<ClientRegistration> registration() {
        return Optional.ofNullable(registration);
    }

    String acrValues() {
        return settings.acrValues();
    }

    Optional<String> endSessionUri() {
        return Optional.ofNullable(settings).map(FranceConnectProperties::endSessionUri).filter(u -> !u.isBlank());
    }
}
