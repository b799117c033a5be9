package fr.portailfamille.franceconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The user info as FranceConnect answers it, a JWT ({@code application/jwt}) signed with the provider's
 * published keys, or as plain JSON: the signed answer is read only when its signature checks against the
 * keys the provider publishes (a real mock OpenID provider's), an answer without a subject is refused.
 */
class SignedUserInfoServiceTest {

    private static final String ISSUER = "franceconnect";
    private static MockOAuth2Server provider;
    private static WireMockServer userInfo;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        userInfo = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        userInfo.start();
    }

    @AfterAll
    static void stop() {
        userInfo.stop();
        provider.shutdown();
    }

    @Test
    void aUserInfoSignedWithThePublishedKeysIsRead() {
        String signed = provider.issueToken(ISSUER, "fc-signe", "portail", FranceConnectSimulator.demoClaims("eidas1"), 600).serialize();
        answer("application/jwt", signed);

        OAuth2User user = new SignedUserInfoService().loadUser(request());

        assertThat(user.getName()).isEqualTo("fc-signe");
        assertThat((String) user.getAttribute("given_name")).isEqualTo("Marie");
        assertThat((String) user.getAttribute("birthdate")).isEqualTo("1985-04-12");
        assertThat((String) user.getAttribute("birthplace")).isEqualTo("59350");
    }

    @Test
    void aUserInfoSignedWithAnotherKeyIsRefused() throws Exception {
        SignedJWT genuine = provider.issueToken(ISSUER, "fc-signe", "portail", FranceConnectSimulator.demoClaims("eidas1"), 600);
        answer("application/jwt", FranceConnectFamilies.signedWithAnotherKey(genuine));

        assertRefused();
    }

    @Test
    void plainJsonIsReadButNotWithoutASubject() {
        answer("application/json", "{\"sub\": \"fc-json\", \"given_name\": \"Marie\"}");
        assertThat(new SignedUserInfoService().loadUser(request()).getName()).isEqualTo("fc-json");

        answer("application/json", "{\"given_name\": \"Marie\"}");
        assertRefused();
    }

    private static void assertRefused() {
        assertThatThrownBy(() -> new SignedUserInfoService().loadUser(request()))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_user_info_response"));
    }

    private static void answer(String contentType, String body) {
        userInfo.resetMappings();
        userInfo.stubFor(get(urlPathEqualTo("/userinfo"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
    }

    private static OAuth2UserRequest request() {
        ClientRegistration registration = ClientRegistration.withRegistrationId(FranceConnect.REGISTRATION_ID)
                .clientId("portail").clientSecret("secret").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/franceconnect").scope("openid")
                .authorizationUri(provider.authorizationEndpointUrl(ISSUER).toString())
                .tokenUri(provider.tokenEndpointUrl(ISSUER).toString())
                .jwkSetUri(provider.jwksUrl(ISSUER).toString())
                .userInfoUri(userInfo.baseUrl() + "/userinfo").userNameAttributeName("sub")
                .build();
        return new OAuth2UserRequest(registration, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "jeton-d-acces",
                Instant.now(), Instant.now().plusSeconds(60)));
    }
}
