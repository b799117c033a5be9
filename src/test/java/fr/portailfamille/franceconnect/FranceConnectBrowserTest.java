package fr.portailfamille.franceconnect;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import fr.portailfamille.franceconnect.FranceConnectFamilies.Family;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « S'identifier avec FranceConnect » in a real Chromium: on « Connexion » and at sign-up the button is drawn
 * by FranceConnect's rules (blue #000091, white text, « FranceConnect » in bold on its own line, hovered
 * #1212ff, at least 56 px high, first of the ways in, « Qu'est-ce que FranceConnect ? » 12 px below it in a
 * new window, « ou » before the portal's form), reachable and named for the keyboard and screen readers;
 * then the whole way through the local provider to « Relier FranceConnect à votre compte », the link made
 * with the password and undone with « délier FranceConnect »: each page passes axe-core.
 */
class FranceConnectBrowserTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    FranceConnectSimulator franceConnect;

    @Test
    void theButtonFollowsFranceConnectsRulesOnConnexionAndAtSignUp() {
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            Locator button = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S'identifier avec FranceConnect"));
            assertThat(button).isVisible();
            assertThat(button).hasAttribute("href", "/oauth2/authorization/franceconnect");
            assertThat(style(button, "backgroundColor")).isEqualTo("rgb(0, 0, 145)");
            assertThat(style(button, "color")).isEqualTo("rgb(255, 255, 255)");
            Locator brand = button.locator(".franceconnect-brand");
            assertThat(brand).hasText("FranceConnect");
            assertThat(Integer.parseInt(style(brand, "fontWeight"))).as("« FranceConnect » in bold").isGreaterThanOrEqualTo(700);
            assertThat(brand.boundingBox().y).as("« FranceConnect » on its own line")
                    .isGreaterThan(button.locator(".franceconnect-login").boundingBox().y);
            BoundingBox box = button.boundingBox();
            assertThat(box.height).as("at least 56 px high").isGreaterThanOrEqualTo(56);

            // « Qu'est-ce que FranceConnect ? » right below (12 px), in a new window said in its title
            Locator help = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Qu'est-ce que FranceConnect ?"));
            assertThat(help).hasAttribute("href", "https://franceconnect.gouv.fr/");
            assertThat(help).hasAttribute("target", "_blank");
            assertThat(help).hasAttribute("title", "Qu'est-ce que FranceConnect ? - nouvelle fenêtre");
            double gap = page.locator(".franceconnect-help").boundingBox().y - (box.y + box.height);
            assertThat(gap).as("12 px between the button and its link").isBetween(11.0, 13.0);

            // first of the ways in, « ou » before the portal's own form
            Locator or = page.locator(".franceconnect-or");
            assertThat(or).hasText("ou");
            assertThat(or.boundingBox().y).isGreaterThan(box.y + box.height);
            assertThat(page.getByLabel("Nom d'utilisateur").boundingBox().y).isGreaterThan(or.boundingBox().y);

            // hovered: the lighter blue of the rules; reached with the keyboard: a visible focus ring
            button.hover();
            assertThat(style(button, "backgroundColor")).isEqualTo("rgb(18, 18, 255)");
            page.mouse().move(0, 0);
            button.focus();
            assertThat(style(button, "outlineStyle")).isEqualTo("solid");
            Browser.assertAccessible(page);

            page.navigate("/inscription");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S'identifier avec FranceConnect"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Qu'est-ce que FranceConnect ?"))).isVisible();
            Browser.assertAccessible(page);
        }
    }

    @Test
    void throughTheProviderToTheLinkingPageThenLinkedAndUnlinked_eachPageAccessible() {
        Family family = new FranceConnectFamilies(jdbc, encoder).family();
        franceConnect.server().enqueueCallback(FranceConnectSimulator.identity("fc-" + UUID.randomUUID(),
                FranceConnectFamilies.claims("Camille", family.name(), family.email(), "eidas1"), 600));
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S'identifier avec FranceConnect")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Relier FranceConnect à votre compte")))
                    .isVisible();
            assertThat(page.getByText("FranceConnect vous a identifié : Camille " + family.name() + ", né(e) le 12/04/1985.")).isVisible();
            Browser.assertAccessible(page);

            page.getByLabel("Nom d'utilisateur").fill(family.username());
            page.getByLabel("Mot de passe").fill(FranceConnectFamilies.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("relier et me connecter")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("FranceConnect est relié à votre compte")))
                    .isVisible();
            assertThat(page.getByText("Votre compte est relié à l'identité FranceConnect de Camille " + family.name())).isVisible();
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("délier FranceConnect")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("FranceConnect n'est plus relié")))
                    .isVisible();
            Browser.assertAccessible(page);
        }
        assertThat(jdbc.queryForObject("select count(*) from franceconnect_link where account_id = ?", Long.class, family.accountId()))
                .isZero();
    }

    private static String style(Locator element, String property) {
        return (String) element.evaluate("(e, p) => getComputedStyle(e)[p]", property);
    }
}
