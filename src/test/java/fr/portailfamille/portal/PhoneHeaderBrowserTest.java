package fr.portailfamille.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The header and the module tabs on a 390 px phone and at 200 % zoom (a 1280 px window seen as 640
 * CSS pixels), in Chromium: a compact header, the six tabs on ONE row, each reachable with the
 * keyboard and scrolled into sight when focused, the current one visible, no sideways page scroll.
 */
class PhoneHeaderBrowserTest extends PortalIntegrationTest {

    private static final String[] TABS = {"Accueil", "Mon dossier", "Inscriptions", "Planning", "Facturation", "Messagerie"};

    @Test
    void onA390PixelPhoneTheHeaderIsCompactAndTheTabsHoldOnOneRow() {
        check(390, 844, "phone-390", 150);
    }

    @Test
    void at200PercentZoomTheTabsStayOnOneRowAndReachable() {
        check(640, 450, "zoom-200", 150);
    }

    private void check(int width, int height, String name, int maxHeaderHeight) {
        try (BrowserContext window = Browser.newWindow(BASE_URL, width, height)) {
            window.setDefaultTimeout(120_000); // pages and form posts of a loaded machine can be slow
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");
            assertThat(page).hasURL(BASE_URL + "/");
            page.navigate("/messagerie"); // the last tab is the current one
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/header-" + name + ".png")));

            BoundingBox header = page.locator("header.site-header").boundingBox();
            assertThat(header.height).as("header and tabs, in CSS pixels").isLessThanOrEqualTo(maxHeaderHeight);

            Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Modules du portail"));
            Locator links = nav.getByRole(AriaRole.LINK);
            assertThat(links).hasCount(TABS.length);
            List<Double> tops = new ArrayList<>();
            for (int i = 0; i < TABS.length; i++) {
                assertThat(links.nth(i)).containsText(TABS[i]);
                tops.add(links.nth(i).boundingBox().y);
            }
            assertThat(tops).as("one row of tabs").allSatisfy(top -> assertThat(top).isCloseTo(tops.get(0),
                    org.assertj.core.data.Offset.offset(1.0)));

            Locator current = nav.locator("a[aria-current=page]");
            assertThat(current).containsText("Messagerie");
            assertInSight(current, width, height);

            // the keyboard reaches every tab in order, each brought into sight
            List<String> focused = new ArrayList<>();
            for (int i = 0; i < 12 && focused.size() < TABS.length; i++) {
                page.keyboard().press("Tab");
                Locator active = page.locator(":focus");
                if ((Boolean) active.evaluate("e => e.closest('nav.tabs') !== null")) {
                    focused.add(active.innerText());
                    assertInSight(active, width, height);
                }
            }
            assertThat(focused).hasSize(TABS.length);
            for (int i = 0; i < TABS.length; i++) {
                assertThat(focused.get(i)).startsWith(TABS[i]);
            }

            int headerWidth = ((Number) page.locator("header.site-header").evaluate("e => e.scrollWidth")).intValue();
            assertThat(headerWidth).as("the header and its tabs make the page no wider").isLessThanOrEqualTo(width);
            Browser.assertAccessible(page);
        }
    }

    private static void assertInSight(Locator element, int width, int height) {
        BoundingBox b = element.boundingBox();
        assertThat(b.x).as(element.innerText() + " left edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.x + b.width).as(element.innerText() + " right edge").isLessThanOrEqualTo(width + 0.5);
        assertThat(b.y + b.height).as(element.innerText() + " bottom edge").isLessThanOrEqualTo(height + 0.5);
    }
}
