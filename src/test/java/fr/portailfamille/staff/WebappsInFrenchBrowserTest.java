package fr.portailfamille.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StaffBrowser;
import org.junit.jupiter.api.Test;

/**
 * Cockpit and Admin as an administrator meets them, with the one staff sign-in: in French, the town's
 * name in the header, without the banner asking to migrate to another product.
 */
class WebappsInFrenchBrowserTest extends PortalIntegrationTest {

    @Test
    void anAdministratorSignedInOnceFindsCockpitAndAdminInFrench() {
        try (StaffBrowser admin = StaffBrowser.signedIn(BASE_URL, "admin", "demo")) {
            Page cockpit = admin.cockpit();
            assertThat(cockpit.getByText("Demandes en cours").first()).isVisible();
            assertThat(cockpit.locator(".navbar-brand, .brand-name").first()).containsText("Ville de Belcourt");
            assertThat(cockpit.locator(".ce-eol-banner")).isHidden();
            assertThat(cockpit.getByText("Processus").first()).isVisible();

            Page console = admin.admin();
            assertThat(console.getByText("Utilisateurs").first()).isVisible();
            assertThat(console.getByText("Groupes").first()).isVisible();
            assertThat(console.locator(".ce-eol-banner")).isHidden();
            assertThat(console.locator("input[type=password]")).hasCount(0);
        }
    }
}
