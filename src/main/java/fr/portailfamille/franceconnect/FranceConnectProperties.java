package fr.portailfamille.franceconnect;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The town's FranceConnect client ({@code PORTAL_FRANCECONNECT_*} environment variables): off
 * unless a client id and the provider's endpoints are set, or the local provider plays it.
 *
 * @param acrValues the level of assurance asked and required in the ID token ({@code eidas1})
 */
@ConfigurationProperties("portal.franceconnect")
record FranceConnectProperties(String clientId, String clientSecret, String issuer, String authorizationUri,
        String tokenUri, String userInfoUri, String jwkSetUri, String endSessionUri,
        @DefaultValue("eidas1") String acrValues,
        @DefaultValue({"openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "email"})
        List<String> scopes,
        @DefaultValue Simulator simulator) {

    /** The local OpenID provider that plays FranceConnect ({@code local} and {@code test} profiles only). */
    record Simulator(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {}

    boolean configured() {
        return present(clientId) && present(issuer) && present(authorizationUri) && present(tokenUri)
                && present(userInfoUri) && present(jwkSetUri);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
