package fr.portailfamille.franceconnect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.ApplicationSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * FranceConnect by the environment variables only (application.yml bound as on a node, no local provider):
 * off without them, or with a client id but not the provider's addresses; on with the town's client and the
 * addresses of the provider's discovery document, asking for FranceConnect's claims at the level granted.
 */
class FranceConnectSettingsTest {

    private static final Map<String, Object> TOWN = Map.of(
            "FRANCECONNECT_CLIENT_ID", "client-de-la-commune",
            "FRANCECONNECT_CLIENT_SECRET", "secret-de-la-commune",
            "FRANCECONNECT_ISSUER", "https://fournisseur.example/api/v2",
            "FRANCECONNECT_AUTHORIZATION_URI", "https://fournisseur.example/api/v2/authorize",
            "FRANCECONNECT_TOKEN_URI", "https://fournisseur.example/api/v2/token",
            "FRANCECONNECT_USERINFO_URI", "https://fournisseur.example/api/v2/userinfo",
            "FRANCECONNECT_JWKS_URI", "https://fournisseur.example/api/v2/jwks",
            "FRANCECONNECT_END_SESSION_URI", "https://fournisseur.example/api/v2/session/end");

    @Test
    void offWithoutTheTownsClientOrWithoutTheProvidersAddresses() {
        assertThat(franceConnect(Map.of()).enabled()).isFalse();
        assertThat(franceConnect(Map.of("FRANCECONNECT_CLIENT_ID", "client-de-la-commune")).enabled()).isFalse();
    }

    @Test
    void onWithTheTownsClientAskingForFranceConnectsClaimsAtTheLevelGranted() {
        FranceConnect franceConnect = franceConnect(TOWN);
        assertThat(franceConnect.enabled()).isTrue();
        ClientRegistration registration = franceConnect.registration().orElseThrow();
        assertThat(registration.getClientId()).isEqualTo("client-de-la-commune");
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "given_name", "family_name", "birthdate", "gender",
                "birthplace", "birthcountry", "email");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo("https://fournisseur.example/api/v2/jwks");
        assertThat(franceConnect.acrValues()).isEqualTo("eidas1");
        assertThat(franceConnect.endSessionUri()).contains("https://fournisseur.example/api/v2/session/end");

        Map<String, Object> higher = new HashMap<>(TOWN);
        higher.put("FRANCECONNECT_ACR", "eidas2");
        assertThat(franceConnect(higher).acrValues()).isEqualTo("eidas2");
    }

    private static FranceConnect franceConnect(Map<String, Object> environment) {
        FranceConnectProperties settings = ApplicationSettings.with(environment)
                .bind("portal.franceconnect", FranceConnectProperties.class).get();
        return new FranceConnectConfiguration().franceConnect(settings,
                new StaticListableBeanFactory().getBeanProvider(FranceConnectSimulator.class));
    }
}
