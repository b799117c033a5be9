package fr.portailfamille.franceconnect;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The user info endpoint, read as JSON or — as FranceConnect answers it — as a JWT signed with the
 * provider's published keys (signature and dates checked; the subject is then compared with the ID token's by
 * Spring's {@code OidcUserService}).
 */
class SignedUserInfoService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private static final MediaType JWT = MediaType.parseMediaType("application/jwt");

    private final RestClient http = RestClient.create();
    private volatile JwtDecoder decoder;

    private JwtDecoder decoder(ClientRegistration registration) {
        if (decoder == null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                    .build();
        }
        return decoder;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        ClientRegistration registration = request.getClientRegistration();
        try {
            ResponseEntity<String> answer = http.get()
                    .uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                    .headers(h -> h.setBearerAuth(request.getAccessToken().getTokenValue()))
                    .accept(JWT, MediaType.APPLICATION_JSON)
                    .retrieve().toEntity(String.class);
            MediaType type = answer.getHeaders().getContentType();
            Map<String, Object> claims = type != null && JWT.isCompatibleWith(type)
                    ? decoder(registration).decode(answer.getBody().trim()).getClaims()
                    : new org.springframework.boot.json.JacksonJsonParser().parseMap(answer.getBody());
            if (!(claims.get("sub") instanceof String)) {
                throw refused("user info without subject");
            }
            return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("OAUTH2_USER")), claims, "sub");
        } catch (RestClientException | JwtException | IllegalArgumentException unreadable) {
            throw refused(unreadable.getMessage());
        }
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response", why, null));
    }
}
