package fr.portailfamille.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's login page (section I-1) over real HTTP, through the families' security chain. */
class FamilyLoginTest extends PortalIntegrationTest {

    @Test
    void loginPageHasTheGuidesLabels() {
        Page page = session().get("/connexion");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("label").eachText()).contains("Nom d'utilisateur", "Mot de passe");
        assertThat(page.doc().select("button[type=submit]").text()).isEqualTo("se connecter");
        assertThat(page.doc().select("a").eachText()).contains("inscrivez vous", "mot de passe oublié ?");
        assertThat(page.doc().select("input[name=_csrf]")).as("CSRF token in the form").hasSize(1);
    }

    @Test
    void demoFamilyLogsInAndLandsOnTheHomeWithTheFiveModules() {
        WebSession family = session();
        assertThat(family.get("/").isRedirectTo("/connexion")).as("anonymous is sent to the login page").isTrue();

        Page home = family.login("dupont", "Portail-Demo-2026");

        assertThat(home.status()).isEqualTo(200);
        assertThat(java.net.URI.create(home.url()).getPath()).isEqualTo("/");
        assertThat(home.doc().select(".tile-title").eachText())
                .containsExactly("Mon dossier", "Inscriptions", "Planning", "Facturation", "Messagerie");
        assertThat(home.text()).contains("Marie DUPONT").contains("DUPONT").contains("100123");
    }

    @Test
    void wrongPasswordGetsAFrenchMessage() {
        WebSession family = session();

        Page page = family.login("dupont", "pas-le-bon-mot-de-passe");

        assertThat(page.url()).contains("/connexion?erreur");
        assertThat(page.text()).contains("Nom d'utilisateur ou mot de passe incorrect.");
        assertThat(family.get("/").isRedirectTo("/connexion")).as("still not logged in").isTrue();
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPasswordAfterwards() {
        // a throwaway target so the demo account stays usable by the other tests
        String username = "inconnu-" + System.nanoTime();
        WebSession attacker = session();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login(username, "essai-" + i).url()).contains("erreur");
        }

        Page blocked = attacker.login(username, "encore-un");

        assertThat(blocked.url()).contains("/connexion?bloque");
        assertThat(blocked.text()).contains("Trop de tentatives de connexion");
    }

    @Test
    void aLoginTheServerWasTooBusyToCheckIsAskedAgainWithTheUserNameKept() {
        // where LoginAdmission sends a login it could not check in time (LoginAdmissionTest)
        Page page = session().get("/connexion?occupe&username=dupont");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Beaucoup de familles se connectent en ce moment").contains("Réessayez dans quelques secondes");
        assertThat(page.doc().select("input#username").attr("value")).isEqualTo("dupont");
    }

    @Test
    void postingTheLoginFormWithoutItsCsrfTokenIsRefused() {
        WebSession family = session();
        family.get("/connexion");

        Page page = family.postForm("/connexion", Map.of("username", "dupont", "password", "Portail-Demo-2026"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(family.get("/").isRedirectTo("/connexion")).isTrue();
    }

    @Test
    void logoutEndsTheSession() {
        WebSession family = session();
        Page home = family.login("dupont", "Portail-Demo-2026");

        Page after = family.follow(family.submit(home, "form[action$=/deconnexion]", Map.of()));

        assertThat(after.text()).contains("Vous êtes déconnecté.");
        assertThat(family.get("/").isRedirectTo("/connexion")).isTrue();
    }
}
