package fr.portailfamille.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** French error pages, never a stack trace; security headers on every page. */
class ErrorPagesTest extends PortalIntegrationTest {

    @Test
    void unknownPageIsAFrench404() {
        WebSession family = session();
        family.login("dupont", "Portail-Demo-2026");

        Page page = family.get("/cette-page-n-existe-pas");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.doc().select("h1").text()).isEqualTo("Page introuvable");
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");
    }

    @Test
    void aFormPostedWithAForgedCsrfTokenIsAFrench403() {
        WebSession family = session();
        Page home = family.login("dupont", "Portail-Demo-2026");

        Page page = family.submit(home, "form[action$=/deconnexion]", Map.of("_csrf", "jeton-falsifie"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.doc().select("h1").text()).isEqualTo("Accès refusé");
        assertThat(family.get("/").status()).as("still logged in: the forged logout did nothing").isEqualTo(200);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Page page = session().get("/connexion");

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.doc().select("html").attr("lang")).isEqualTo("fr");
    }
}
