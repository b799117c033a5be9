package fr.portailfamille.agent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent in Chromium: logs in, goes from its home to the search, finds a family by a child's
 * name, opens its page; at a desktop and a tablet width, each page accessible (axe).
 */
class FamilySearchBrowserTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(ints = {1280, 768})
    void theGuichetUniqueFindsAFamilyAndOpensItsPage(int width) {
        AgentFamilies.Family family = AgentFamilies.create(jdbc);
        try (BrowserContext window = Browser.newWindow(BASE_URL, width, 900)) {
            Page page = window.newPage();
            page.navigate("/agent/connexion");
            page.getByLabel("Identifiant").fill("guichet");
            page.getByLabel("Mot de passe").fill("demo");
            page.getByLabel("Mot de passe").press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Guichet Unique"))).isVisible();
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/agent-accueil-" + width + ".png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rechercher une famille")).first().click();
            page.getByLabel("Numéro de dossier, nom, prénom d'un enfant ou e-mail").fill(family.elder().toLowerCase());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 famille trouvée"))).isVisible();
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/agent-recherche-" + width + ".png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(family.name() + " – dossier n° " + family.number())).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                    "Dossier famille n° " + family.number() + " – " + family.name()))).isVisible();
            assertThat(page.locator("#enfants").locator("..")).containsText("Trousse au bureau");
            assertThat(page.locator("#inscriptions").locator("..")).containsText("Centre de loisirs");
            assertThat(page.locator("#reservations").locator("..")).containsText("Restauration scolaire");
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/agent-dossier-" + width + ".png")).setFullPage(true));
        }
    }

    @Test
    void restaurationDoesNotFindAFamilyWithNothingAtTheCanteen() {
        String name = "SANSREPAS-" + System.nanoTime() % 100000;
        jdbc.update("insert into family_file (number, name) values (?, ?)", "9" + System.nanoTime() % 100000, name);
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/agent/connexion");
            page.getByLabel("Identifiant").fill("restauration");
            page.getByLabel("Mot de passe").fill("demo");
            page.getByLabel("Mot de passe").press("Enter");
            page.navigate("/agent/dossiers");
            page.getByLabel("Numéro de dossier, nom, prénom d'un enfant ou e-mail").fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Aucune famille trouvée"))).isVisible();
            assertThat(page.getByText("Votre service voit les familles dont un enfant est inscrit")).isVisible();
        }
    }
}
