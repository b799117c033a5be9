package fr.portailfamille.franceconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import fr.portailfamille.franceconnect.FranceConnectFamilies.Family;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * « S'identifier avec FranceConnect » against a real OpenID provider on this machine playing
 * FranceConnect: a first sign-in never opens an account by itself (not even when the e-mail matches),
 * the account's password given once links it, then FranceConnect alone signs the family in; a forged
 * {@code state}, a wrong {@code nonce}, a token signed with another key, an expired one or one below
 * the required level of assurance sign nobody in; « Délier » ends the link and deletes the claims.
 */
class FranceConnectLoginTest extends PortalIntegrationTest {

    private static final String PASSWORD = FranceConnectFamilies.PASSWORD;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    FranceConnectSimulator franceConnect;
    @Autowired
    FranceConnect portalFranceConnect;
    @Autowired
    JwtDecoderFactory<ClientRegistration> idTokenDecoders;

    @Test
    void aFirstSignInLinksOnlyWithThePasswordThenFranceConnectAloneSignsIn() {
        Family family = family();
        String subject = "fc-" + UUID.randomUUID();
        // FranceConnect gives the very e-mail of the account: still no sign-in without the password
        nextIdentity(subject, claims("Camille", family.name(), family.email(), "eidas1"));
        WebSession browser = session();
        WebSession.Page linking = browser.follow(browser.get("/oauth2/authorization/franceconnect"));

        assertThat(linking.url()).endsWith("/franceconnect/rattacher");
        assertThat(linking.text()).contains("FranceConnect vous a identifié : Camille " + family.name())
                .contains("Cette identité n'est encore reliée à aucun compte du portail.");
        assertThat(browser.get("/").isRedirectTo("/connexion")).as("not signed in by an e-mail match").isTrue();
        assertThat(linkedSubject(family)).isNull();

        // a wrong password links nothing
        WebSession.Page wrong = browser.submit(linking, "form[action$=/connexion]", Map.of("username", family.username(), "password", "faux"));
        assertThat(wrong.isRedirectTo("/connexion?erreur")).isTrue();
        assertThat(linkedSubject(family)).isNull();

        // FranceConnect again (the pending identity was kept), then the right password: linked
        nextIdentity(subject, claims("Camille", family.name(), family.email(), "eidas1"));
        linking = browser.follow(browser.get("/oauth2/authorization/franceconnect"));
        WebSession.Page linked = browser.follow(browser.submit(linking, "form[action$=/connexion]",
                Map.of("username", family.username(), "password", PASSWORD)));
        assertThat(linked.url()).endsWith("/compte/franceconnect?relie");
        assertThat(linked.text()).contains("FranceConnect est relié à votre compte")
                .contains("Votre compte est relié à l'identité FranceConnect de Camille " + family.name());
        assertThat(linkedSubject(family)).isEqualTo(subject);

        // a new browser: FranceConnect alone signs the family in, on the page it asked for
        WebSession later = session();
        assertThat(later.get("/dossier").isRedirectTo("/connexion")).isTrue();
        nextIdentity(subject, claims("Camille", family.name(), family.email(), "eidas1"));
        WebSession.Page home = later.follow(later.get("/oauth2/authorization/franceconnect"));
        assertThat(home.url()).endsWith("/dossier");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Mon dossier").contains(family.name());

        // « Se déconnecter » ends the FranceConnect session too (end-session endpoint with id_token_hint)
        WebSession.Page logout = later.submit(later.get("/"), "form[action$=/deconnexion]", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        URI endSession = URI.create(logout.location());
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
        assertThat(endSession.getPath()).endsWith("/franceconnect/endsession");
        assertThat(query.get("id_token_hint")).hasSize(1);
        assertThat(query.get("post_logout_redirect_uri").get(0)).endsWith("/connexion?deconnecte");
        assertThat(later.get("/dossier").isRedirectTo("/connexion")).as("signed out of the portal").isTrue();
    }

    @Test
    void createMyAccountPrefillsTheSignUpAndLinksTheNewAccountOnceActivated() {
        String suffix = FranceConnectFamilies.unique();
        String name = "NOUVEAU" + suffix.toUpperCase();
        String email = "nouveau" + suffix + "@example.org";
        String subject = "fc-" + UUID.randomUUID();
        Map<String, Object> identity = claims("Inès", name, email, "eidas1");
        nextIdentity(subject, identity);
        WebSession browser = session();
        WebSession.Page linking = browser.follow(browser.get("/oauth2/authorization/franceconnect"));
        assertThat(linking.doc().select("h2").eachText()).contains("J'ai déjà un compte", "Créer mon compte");

        WebSession.Page step1 = browser.follow(browser.submit(linking, "form[action$=/franceconnect/rattacher/creer-compte]", Map.of()));
        assertThat(step1.url()).endsWith("/inscription");
        assertThat(step1.doc().select("#lastName").attr("value")).isEqualTo(name);
        assertThat(step1.doc().select("#firstName").attr("value")).isEqualTo("Inès");
        assertThat(step1.doc().select("#email").attr("value")).isEqualTo(email);
        assertThat(step1.doc().select("#civility option[selected]").attr("value")).isEqualTo("Mme");
        assertThat(step1.text()).contains("Date de naissance donnée par FranceConnect : 12/04/1985")
                .contains("Votre identité FranceConnect sera reliée au compte créé.");

        String username = "nouveau" + suffix;
        WebSession.Page step2 = browser.follow(browser.submit(step1, "form[action$=/inscription]", Map.of(
                "phone", "06 12 34 56 78", "username", username, "password", PASSWORD, "passwordConfirmation", PASSWORD)));
        WebSession.Page step3 = browser.follow(browser.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "oui")));
        WebSession.Page step4 = browser.follow(browser.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "oui")));
        WebSession.Page sent = browser.follow(browser.submit(step4, "form[action$=/inscription/valider]", Map.of()));
        assertThat(sent.text()).contains("Votre identité FranceConnect est reliée à ce compte");
        Long accountId = jdbc.queryForObject("select id from portal_account where username = ?", Long.class, username);
        Family created = new Family(accountId, username, email, name);
        assertThat(linkedSubject(created)).isEqualTo(subject);
        assertThat(jdbc.queryForObject("select birthdate from franceconnect_link where account_id = ?", String.class, accountId))
                .isEqualTo("1985-04-12");

        // not active yet: FranceConnect signs nobody in
        WebSession early = session();
        nextIdentity(subject, identity);
        assertThat(early.follow(early.get("/oauth2/authorization/franceconnect")).url()).endsWith("/franceconnect/rattacher");

        // activated: FranceConnect alone signs the new account in
        jdbc.update("update portal_account set status = 'ACTIVE', activated_at = now() where id = ?", accountId);
        WebSession later = session();
        nextIdentity(subject, identity);
        WebSession.Page home = later.follow(later.get("/oauth2/authorization/franceconnect"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(later.get("/compte/franceconnect").text()).contains("Votre compte est relié à l'identité FranceConnect de Inès " + name);
    }

    @Test
    void aSignUpStartedWithoutFranceConnectLinksNothing() {
        String subject = "fc-" + UUID.randomUUID();
        nextIdentity(subject, claims("Camille", "SANSLIEN", "sanslien@example.org", "eidas1"));
        WebSession browser = session();
        browser.follow(browser.get("/oauth2/authorization/franceconnect"));
        // the family leaves the linking page and signs up on its own: the identity is not linked to that account
        WebSession.Page step1 = browser.get("/inscription");
        assertThat(step1.text()).doesNotContain("Votre identité FranceConnect sera reliée");
        String suffix = FranceConnectFamilies.unique();
        String username = "seul" + suffix;
        Map<String, String> fields = new LinkedHashMap<>(Map.of("civility", "M.", "lastName", "SEUL", "firstName", "Paul",
                "email", username + "@example.org", "phone", "06 12 34 56 78", "username", username));
        fields.put("password", PASSWORD);
        fields.put("passwordConfirmation", PASSWORD);
        WebSession.Page step2 = browser.follow(browser.submit(step1, "form[action$=/inscription]", fields));
        WebSession.Page step3 = browser.follow(browser.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "oui")));
        WebSession.Page step4 = browser.follow(browser.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "oui")));
        WebSession.Page sent = browser.follow(browser.submit(step4, "form[action$=/inscription/valider]", Map.of()));
        assertThat(sent.text()).doesNotContain("FranceConnect");
        Long accountId = jdbc.queryForObject("select id from portal_account where username = ?", Long.class, username);
        assertThat(jdbc.queryForObject("select count(*) from franceconnect_link where account_id = ? or subject = ?", Long.class,
                accountId, subject)).isZero();
    }

    @Test
    void delierEndsTheLinkAndDeletesTheIdentity() {
        Family family = family();
        String subject = "fc-" + UUID.randomUUID();
        WebSession browser = session();
        nextIdentity(subject, claims("Camille", family.name(), family.email(), "eidas1"));
        WebSession.Page linking = browser.follow(browser.get("/oauth2/authorization/franceconnect"));
        browser.follow(browser.submit(linking, "form[action$=/connexion]", Map.of("username", family.username(), "password", PASSWORD)));
        assertThat(linkedSubject(family)).isEqualTo(subject);

        WebSession.Page unlinked = browser.follow(browser.submit(browser.get("/compte/franceconnect"),
                "form[action$=/compte/franceconnect/delier]", Map.of()));
        assertThat(unlinked.text()).contains("FranceConnect n'est plus relié à votre compte")
                .contains("Votre compte n'est relié à aucune identité FranceConnect.");
        assertThat(jdbc.queryForObject("select count(*) from franceconnect_link where account_id = ?", Long.class, family.accountId()))
                .isZero();

        WebSession again = session();
        nextIdentity(subject, claims("Camille", family.name(), family.email(), "eidas1"));
        assertThat(again.follow(again.get("/oauth2/authorization/franceconnect")).url()).endsWith("/franceconnect/rattacher");
    }

    @Test
    void anotherFamilysIdentityNeverSignsIntoThisAccount() {
        Family first = family();
        Family second = family();
        String subject = "fc-" + UUID.randomUUID();
        WebSession browser = session();
        nextIdentity(subject, claims("Camille", first.name(), first.email(), "eidas1"));
        WebSession.Page linking = browser.follow(browser.get("/oauth2/authorization/franceconnect"));
        browser.follow(browser.submit(linking, "form[action$=/connexion]", Map.of("username", first.username(), "password", PASSWORD)));

        // the same identity offered to the second account is refused: one identity, one account
        WebSession other = session();
        nextIdentity("fc-" + UUID.randomUUID(), claims("Camille", second.name(), second.email(), "eidas1"));
        WebSession.Page secondLinking = other.follow(other.get("/oauth2/authorization/franceconnect"));
        other.follow(other.submit(secondLinking, "form[action$=/connexion]", Map.of("username", second.username(), "password", PASSWORD)));
        WebSession thief = session();
        nextIdentity(subject, claims("Camille", first.name(), first.email(), "eidas1"));
        WebSession.Page landed = thief.follow(thief.get("/oauth2/authorization/franceconnect"));
        assertThat(landed.text()).contains(first.name()).doesNotContain(second.name());
    }

    @Test
    void aForgedStateSignsNobodyIn() {
        WebSession browser = session();
        WebSession.Page started = browser.get("/oauth2/authorization/franceconnect");
        assertThat(started.status()).isEqualTo(302);
        WebSession.Page answer = browser.get("/login/oauth2/code/franceconnect?code=abc&state=forged-" + UUID.randomUUID());
        assertThat(answer.isRedirectTo("/connexion?franceconnect-erreur")).isTrue();
        assertThat(browser.follow(answer).text()).contains("La connexion avec FranceConnect n'a pas abouti");
        assertThat(browser.get("/").isRedirectTo("/connexion")).isTrue();
    }

    /**
     * The flow's two ends are Spring Security's filters, not controllers: the hostile-input and authorization
     * meta-tests do not list them, so here: a return with hostile or missing parameters, another provider than
     * FranceConnect, a redirect address slipped into the start. Never a 5xx, nothing echoed, nobody signed in.
     */
    @Test
    void hostileReturnsAndStartsSignNobodyInAndNeverFail() {
        WebSession browser = session();
        assertThat(browser.get("/oauth2/authorization/franceconnect").status()).as("a flow started").isEqualTo(302);
        List<String> paths = List.of(
                "/login/oauth2/code/franceconnect",
                "/login/oauth2/code/franceconnect?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/login/oauth2/code/franceconnect?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=%00%0A%C3%28",
                "/login/oauth2/code/franceconnect?code=" + "c".repeat(3000) + "&state=" + "s".repeat(3000),
                "/login/oauth2/code/franceconnect?code=abc&state=un&state=deux",
                "/login/oauth2/code/autre?code=abc&state=abc",
                "/oauth2/authorization/autre",
                "/oauth2/authorization/%3Cscript%3Ealert(1)");
        for (String path : paths) {
            WebSession.Page answer = browser.get(path);
            assertThat(answer.status()).as(path).isLessThan(500);
            assertThat(answer.body()).as(path).doesNotContain("<script>alert(1)");
            if (answer.status() == 302) {
                assertThat(answer.isRedirectTo("/connexion?franceconnect-erreur") || answer.isRedirectTo("/connexion"))
                        .as(path + " → " + answer.location()).isTrue();
                WebSession.Page shown = browser.follow(answer);
                assertThat(shown.status()).as(path).isEqualTo(200);
                assertThat(shown.body()).as(path).doesNotContain("<script>alert(1)");
            }
            assertThat(browser.get("/").isRedirectTo("/connexion")).as("nobody signed in after " + path).isTrue();
        }
        WebSession.Page posted = browser.postForm("/login/oauth2/code/franceconnect", Map.of("code", "abc", "state", "abc"));
        assertThat(posted.status()).as("a POST without the CSRF token").isLessThan(500);

        // the start ignores what is slipped into it: the provider is told the portal's own return address and scopes
        WebSession.Page start = session().get("/oauth2/authorization/franceconnect?redirect_uri=https%3A%2F%2Fmalveillant.example%2F"
                + "&scope=openid%20tout&acr_values=aucun");
        Map<String, List<String>> asked = UriComponentsBuilder.fromUriString(start.location()).build().getQueryParams();
        assertThat(start.location()).doesNotContain("malveillant");
        assertThat(URLDecoder.decode(asked.get("redirect_uri").get(0), StandardCharsets.UTF_8))
                .isEqualTo(BASE_URL + "/login/oauth2/code/franceconnect");
        assertThat(asked.get("acr_values")).containsExactly("eidas1");
        assertThat(URLDecoder.decode(asked.get("scope").get(0), StandardCharsets.UTF_8)).doesNotContain("tout");
    }

    @Test
    void theProvidersOwnAnswerIsAcceptedByTheSameHarness() {
        // the control of the refusals below: the same steps with a right token reach the linking page
        WebSession.Page landed = signInWith(identityClaims("eidas1"), 600);
        assertThat(landed.isRedirectTo("/franceconnect/rattacher")).as(landed.location()).isTrue();
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() {
        Map<String, Object> claims = identityClaims("eidas1");
        claims.put("nonce", "nonce-" + UUID.randomUUID());
        assertRefused(signInWith(claims, 600));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(signInWith(identityClaims("eidas1"), -3600));
    }

    @Test
    void aTokenWithoutTheRequiredLevelOfAssuranceIsRefused() {
        Map<String, Object> claims = identityClaims("eidas1");
        claims.remove("acr");
        assertRefused(signInWith(claims, 600));
        assertRefused(signInWith(identityClaims("faible"), 600));
    }

    @Test
    void anIdTokenSignedWithAnotherKeyThanThePublishedOnesIsRefused() throws Exception {
        ClientRegistration registration = portalFranceConnect.registration().orElseThrow();
        JwtDecoder decoder = idTokenDecoders.createDecoder(registration);
        String genuine = franceConnect.server().issueToken(FranceConnectSimulator.ISSUER_ID, registration.getClientId(),
                new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(FranceConnectSimulator.ISSUER_ID,
                        "fc-" + UUID.randomUUID(), "JWT", List.of(registration.getClientId()), identityClaims("eidas1"), 600))
                .serialize();
        assertThat(decoder.decode(genuine).getSubject()).startsWith("fc-");

        String forged = FranceConnectFamilies.signedWithAnotherKey(SignedJWT.parse(genuine));
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void theLoginPageOffersFranceConnectWithItsExplanation() {
        WebSession.Page login = session().get("/connexion");
        assertThat(login.doc().select("a.franceconnect-button").attr("href")).endsWith("/oauth2/authorization/franceconnect");
        assertThat(login.doc().select("a.franceconnect-button").text()).isEqualTo("S'identifier avec FranceConnect");
        assertThat(login.doc().select(".franceconnect a[target=_blank]").text()).isEqualTo("Qu'est-ce que FranceConnect ?");
        assertThat(session().get("/inscription").doc().select("a.franceconnect-button")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------

    private WebSession browserAfter;

    /** The whole flow in a new browser, the provider answering with these claims and lifetime; the portal's last answer. */
    private WebSession.Page signInWith(Map<String, Object> claims, long lifetimeSeconds) {
        WebSession browser = session();
        browserAfter = browser;
        WebSession.Page toProvider = browser.get("/oauth2/authorization/franceconnect");
        Map<String, List<String>> asked = UriComponentsBuilder.fromUriString(toProvider.location()).build().getQueryParams();
        assertThat(asked.get("acr_values")).containsExactly("eidas1");
        assertThat(asked.get("state")).hasSize(1);
        assertThat(asked.get("nonce")).hasSize(1);
        franceConnect.server().enqueueCallback(FranceConnectSimulator.identity("fc-" + UUID.randomUUID(), claims, lifetimeSeconds));
        WebSession.Page backToPortal = browser.get(toProvider.location());
        assertThat(backToPortal.location()).contains("/login/oauth2/code/franceconnect?code=");
        return browser.get(backToPortal.location());
    }

    private void assertRefused(WebSession.Page answer) {
        assertThat(answer.isRedirectTo("/connexion?franceconnect-erreur")).as(answer.location()).isTrue();
        assertThat(browserAfter.get("/").isRedirectTo("/connexion")).isTrue();
        assertThat(browserAfter.get("/franceconnect/rattacher").isRedirectTo("/connexion")).as("no identity kept").isTrue();
    }

    private static Map<String, Object> identityClaims(String acr) {
        return claims("Camille", "ESSAI", "essai@example.org", acr);
    }

    private void nextIdentity(String subject, Map<String, Object> claims) {
        franceConnect.server().enqueueCallback(FranceConnectSimulator.identity(subject, claims, 600));
    }

    private static Map<String, Object> claims(String given, String family, String email, String acr) {
        return FranceConnectFamilies.claims(given, family, email, acr);
    }

    private String linkedSubject(Family family) {
        return jdbc.query("select subject from franceconnect_link where account_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, family.accountId());
    }

    private Family family() {
        return new FranceConnectFamilies(jdbc, encoder).family();
    }
}
