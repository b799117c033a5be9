package fr.portailfamille.franceconnect;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.beans.factory.DisposableBean;

/**
 * FranceConnect played on this machine (loopback only) by a well-kept mock OpenID provider: real
 * authorization-code flow, signed ID tokens, published keys, user info and end-session endpoint,
 * with FranceConnect's claims. By default it signs in the demo identity « Marie DUPONT »; a test
 * enqueues another identity for the next sign-in.
 */
class FranceConnectSimulator implements DisposableBean {

    static final String ISSUER_ID = "franceconnect";
    static final String DEMO_SUBJECT = "fc-demo-marie-dupont";

    private final MockOAuth2Server server;

    FranceConnectSimulator(int port, String acr) {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(),
                java.util.Set.of(identity(DEMO_SUBJECT, demoClaims(acr), 3600))));
        server.start(InetAddress.getLoopbackAddress(), port);
    }

    /** The claims FranceConnect gives for the demo guardian of file 100123 (invented data). */
    static Map<String, Object> demoClaims(String acr) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("acr", acr);
        claims.put("given_name", "Marie");
        claims.put("family_name", "DUPONT");
        claims.put("birthdate", "1985-04-12");
        claims.put("gender", "female");
        claims.put("birthplace", "59350");
        claims.put("birthcountry", "99100");
        claims.put("email", "famille.dupont@example.org");
        return claims;
    }

    static DefaultOAuth2TokenCallback identity(String subject, Map<String, Object> claims, long expirySeconds) {
        return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, expirySeconds);
    }

    MockOAuth2Server server() {
        return server;
    }

    FranceConnectProperties endpoints(FranceConnectProperties settings) {
        return new FranceConnectProperties("portail-famille-local", "secret-local-non-confidentiel",
                server.issuerUrl(ISSUER_ID).toString(), server.authorizationEndpointUrl(ISSUER_ID).toString(),
                server.tokenEndpointUrl(ISSUER_ID).toString(), server.userInfoUrl(ISSUER_ID).toString(),
                server.jwksUrl(ISSUER_ID).toString(), server.endSessionEndpointUrl(ISSUER_ID).toString(),
                settings.acrValues(), settings.scopes(), settings.simulator());
    }

    @Override
    public void destroy() {
        server.shutdown();
    }
}
