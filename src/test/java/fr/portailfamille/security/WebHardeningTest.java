package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser-side protections on every kind of answer (family pages, staff pages, error pages):
 * security headers, session cookie flags, a new session id at login (fixation).
 */
class WebHardeningTest extends PortalIntegrationTest {

    private static void assertHardened(Page page) {
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).as("CSP on " + page.url()).isNotNull();
        String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
        assertThat(scripts).as("scripts only from the portal itself").isEqualTo("'self'");
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).as("Referrer-Policy on " + page.url()).isEqualTo("same-origin");
        // plain HTTP here: HSTS is only sent on a secure request (see sessionCookieAndTransportSettingsOfProduction)
        assertThat(page.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void familyPagesAndTheirErrorsCarryTheSecurityHeaders() {
        WebSession family = session();
        assertHardened(family.get("/connexion"));
        assertHardened(family.login("dupont", "Portail-Demo-2026"));
        assertHardened(family.get("/dossier"));
        Page missing = family.get("/cette-page-n-existe-pas");
        assertThat(missing.status()).isEqualTo(404);
        assertHardened(missing);
        Page missingObject = family.get("/dossier/enfants/999999999");
        assertThat(missingObject.status()).isEqualTo(404);
        assertHardened(missingObject);
    }

    @Test
    void staffPagesAndTheirErrorsCarryTheSecurityHeaders() {
        WebSession agent = session();
        Page form = agent.get("/agent/connexion");
        assertHardened(form);
        Page home = agent.follow(agent.submit(form, "form[action$=/agent/connexion]", Map.of("username", "enfance", "password", "demo")));
        assertThat(home.status()).isEqualTo(200);
        assertHardened(home);
        Page forbidden = agent.get("/agent/facturation");
        assertThat(forbidden.status()).isEqualTo(403);
        assertHardened(forbidden);
        Page missing = agent.get("/agent/dossiers/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertHardened(missing);
    }

    private static String sessionCookie(Page page) {
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElse(null);
    }

    private static String value(String cookie) {
        return cookie.substring("SESSION=".length(), cookie.indexOf(';'));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String cookie = sessionCookie(session().get("/connexion"));
        assertThat(cookie).as("the login page opens a session (its CSRF token)").isNotNull();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        // Secure is set in production by PORTAL_SECURE_COOKIES=true (see ProductionSettingsTest); not on plain HTTP here
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void loggingInGivesANewSessionId() {
        WebSession family = session();
        String before = value(sessionCookie(family.get("/connexion")));
        Page form = family.last();
        Page afterLogin = family.submit(form, "form[action$=/connexion]", Map.of("username", "dupont", "password", "Portail-Demo-2026"));
        assertThat(afterLogin.status()).isEqualTo(302);
        String after = sessionCookie(afterLogin);
        assertThat(after).as("a new session cookie at login").isNotNull();
        assertThat(value(after)).isNotEqualTo(before);
        assertThat(family.get("/dossier").status()).isEqualTo(200);

        // the same for an agent
        WebSession agent = session();
        String agentBefore = value(sessionCookie(agent.get("/agent/connexion")));
        Page agentLogin = agent.submit(agent.last(), "form[action$=/agent/connexion]", Map.of("username", "guichet", "password", "demo"));
        assertThat(agentLogin.status()).isEqualTo(302);
        assertThat(value(sessionCookie(agentLogin))).isNotEqualTo(agentBefore);
    }
}
