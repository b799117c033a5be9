package fr.portailfamille.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * « Rester connecté » over real HTTP: the cookie opens a new session without the password, changes at
 * each use and is stored only hashed; « Se déconnecter » and a new password end it; an old token
 * presented again (a copied cookie) is refused and forgets every browser of the account.
 */
class RememberMeTest extends AccountFlows {

    private static final String COOKIE = "PORTAIL_RESTER_CONNECTE";

    private static String rememberCookie(Page page) {
        return page.headers().getOrDefault("set-cookie", List.<String>of()).stream()
                .filter(c -> c.startsWith(COOKIE + "=")).findFirst().orElse(null);
    }

    private static String value(String cookie) {
        return cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
    }

    /** Logs in with the form, the box ticked or not; returns the answer to the login post. */
    private static Page login(WebSession browser, String username, boolean remember) {
        Map<String, String> fields = remember ? Map.of("username", username, "password", PASSWORD, "resterConnecte", "on")
                : Map.of("username", username, "password", PASSWORD);
        return browser.submit(browser.get("/connexion"), "form[action$=/connexion]", fields);
    }

    /** A browser that lost its session (closed, next day) and only has the « rester connecté » cookie. */
    private static Page withCookieOnly(WebSession browser, String path, String value) {
        return browser.send(HttpRequest.newBuilder(browser.uri(path)).header("Cookie", COOKIE + "=" + value).GET());
    }

    private String account() {
        String username = unique("reste");
        PortalAccount account = new PortalAccount(username, username + "@example.org", encoder.encode(PASSWORD), "Mme", "TEST",
                "Camille", "0611223344");
        account.activate(Instant.now());
        accounts.save(account);
        return username;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLoginPageOffersTheBoxWithItsHelp() {
        Page form = session().get("/connexion");
        assertThat(form.doc().select("label[for=resterConnecte]").text()).isEqualTo("Rester connecté");
        assertThat(form.doc().select("#resterConnecte").attr("type")).isEqualTo("checkbox");
        assertThat(form.doc().select("#resterConnecte-aide").text()).contains("30 jours").contains("ordinateur partagé");
    }

    @Test
    void withoutTheBoxNoCookie() {
        Page answer = login(session(), account(), false);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(rememberCookie(answer)).isNull();
    }

    @Test
    void theCookieOpensANewSessionChangesAtEachUseAndIsStoredHashed() throws Exception {
        String username = account();
        Page answer = login(session(), username, true);
        String cookie = rememberCookie(answer);
        assertThat(cookie).as("« rester connecté » cookie").isNotNull().contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=2592000");
        String first = value(cookie);
        String[] parts = new String(Base64.getDecoder().decode(first), StandardCharsets.UTF_8).split(":");
        String stored = jdbc.queryForObject("select token_hash from remember_me_login where series = ?", String.class, parts[0]);
        assertThat(stored).as("only the token's hash at rest").isEqualTo(sha256(parts[1])).doesNotContain(parts[1]);

        WebSession nextDay = session();
        Page home = withCookieOnly(nextDay, "/", first);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Connecté : Camille TEST");
        String second = value(rememberCookie(home));
        assertThat(second).as("a new token at each automatic login").isNotEqualTo(first);
        assertThat(nextDay.get("/dossier").status()).as("the new session carries on").isNotEqualTo(302);
    }

    @Test
    void logoutEndsIt() {
        String username = account();
        WebSession browser = session();
        String remembered = value(rememberCookie(login(browser, username, true)));
        Page home = browser.follow(browser.get("/"));
        Page out = browser.submit(home, "form[action$=/deconnexion]", Map.of());
        assertThat(out.isRedirectTo("/connexion?deconnecte")).isTrue();
        assertThat(rememberCookie(out)).as("the cookie removed").contains("Max-Age=0");
        assertThat(withCookieOnly(session(), "/", remembered).isRedirectTo("/connexion")).as("this browser forgotten").isTrue();
    }

    @Test
    void aNewPasswordEndsEveryRememberedBrowser() {
        String username = account();
        String remembered = value(rememberCookie(login(session(), username, true)));
        assertThat(jdbc.queryForObject("select count(*) from remember_me_login where username = ?", Integer.class, username)).isEqualTo(1);

        WebSession visitor = session();
        visitor.submit(visitor.get("/mot-de-passe-oublie"), "form[action$=/mot-de-passe-oublie]", Map.of("email", username + "@example.org"));
        String link = mailbox().await(username + "@example.org", "nouveau mot de passe").linkContaining("/mot-de-passe/nouveau?jeton=");
        String newPassword = "un tout nouveau mot de passe";
        Page done = visitor.submit(visitor.get(link), "form[action$=/mot-de-passe/nouveau]",
                Map.of("password", newPassword, "passwordConfirmation", newPassword));
        assertThat(done.isRedirectTo("/connexion?motDePasseChange")).isTrue();

        assertThat(withCookieOnly(session(), "/", remembered).isRedirectTo("/connexion")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from remember_me_login where username = ?", Integer.class, username)).isZero();
    }

    @Test
    void pagesTheBrowserAskedForTogetherWithTheSameCookieAreNotTakenForACopy() {
        String username = account();
        String first = value(rememberCookie(login(session(), username, true)));
        Page one = withCookieOnly(session(), "/", first);
        String second = value(rememberCookie(one));
        // a second tab restored at the same time, with the cookie the browser had before the first answer
        Page other = withCookieOnly(session(), "/dossier", first);
        assertThat(other.status()).as("the other tab is let in").isNotEqualTo(302);
        assertThat(withCookieOnly(session(), "/", second).status()).as("the browser's new token still valid").isEqualTo(200);
    }

    @Test
    void aStolenOldTokenIsRefusedAndEveryBrowserOfTheAccountForgotten() {
        String username = account();
        String first = value(rememberCookie(login(session(), username, true)));
        String otherDevice = value(rememberCookie(login(session(), username, true)));
        // the family's browser uses its cookie twice (two days): the first token is now two changes old
        String second = value(rememberCookie(withCookieOnly(session(), "/", first)));
        String third = value(rememberCookie(withCookieOnly(session(), "/", second)));

        Page thief = withCookieOnly(session(), "/", first);
        assertThat(thief.isRedirectTo("/connexion")).as("the copied old token refused").isTrue();
        assertThat(rememberCookie(thief)).contains("Max-Age=0");
        assertThat(withCookieOnly(session(), "/", third).isRedirectTo("/connexion")).as("the family's own browser forgotten too").isTrue();
        assertThat(withCookieOnly(session(), "/", otherDevice).isRedirectTo("/connexion")).as("and its other devices").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from remember_me_login where username = ?", Integer.class, username)).isZero();
    }
}
