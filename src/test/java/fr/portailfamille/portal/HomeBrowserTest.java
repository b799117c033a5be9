package fr.portailfamille.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

/** The family's first steps in a real Chromium: log in, see the five tiles, open a tab; accessible pages. */
class HomeBrowserTest extends PortalIntegrationTest {

    @Test
    void demoFamilyLogsInSeesTheFiveModulesAndOpensATab() {
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/");
            assertThat(page).hasURL(BASE_URL + "/connexion");
            Browser.assertAccessible(page);

            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();

            assertThat(page).hasURL(BASE_URL + "/");
            assertThat(page.locator(".tile-title")).hasText(new String[] {
                    "Mon dossier", "Inscriptions", "Planning", "Facturation", "Messagerie"});
            assertThat(page.getByText("Marie DUPONT")).isVisible();
            Browser.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/accueil.png")).setFullPage(true));

            page.locator("#tuile-planning").click();
            assertThat(page).hasURL(BASE_URL + "/planning");
            assertThat(page.getByRole(AriaRole.NAVIGATION)
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Planning").setExact(true)))
                    .hasAttribute("aria-current", "page");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planning"))).isVisible();
            Browser.assertAccessible(page);
        }
    }

    @Test
    void theHomeWorksOnAPhone() {
        try (BrowserContext phone = Browser.newWindow(BASE_URL, 375, 740)) {
            Page page = phone.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");

            assertThat(page.locator(".tile-title").first()).isVisible();
            int pageWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            org.assertj.core.api.Assertions.assertThat(pageWidth).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(375);
            Browser.assertAccessible(page);
        }
    }
}
