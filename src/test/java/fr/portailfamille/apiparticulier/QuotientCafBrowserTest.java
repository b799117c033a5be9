package fr.portailfamille.apiparticulier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.apiparticulier.QuotientFamilies.Family;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Quotient familial CAF / MSA » in a real Chromium, each state of the page through axe-core: the consent
 * form, its errors (each tied to its field), the quotient read, the consent withdrawn; and for a family the
 * CAF and the MSA do not know, the explanation that sends it to « Documents ».
 */
class QuotientCafBrowserTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theConsentPageInEachOfItsStatesIsAccessible() {
        Family family = new QuotientFamilies(jdbc, encoder).family();
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = signIn(window, family);
            page.navigate("/dossier");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quotient familial CAF / MSA").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quotient familial CAF / MSA").setLevel(1)))
                    .isVisible();
            Browser.assertAccessible(page);

            // sent unticked with a wrong commune code: the errors in French, each tied to its field
            page.getByLabel("Nom de naissance").fill(family.name());
            page.getByLabel("Prénoms").fill("CAMILLE ANNE");
            page.getByLabel("Sexe à l'état civil").selectOption("F");
            page.getByLabel("Date de naissance").fill("1984-07-09");
            page.getByLabel("Code INSEE de la commune de naissance").fill("Lille");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon accord")).click();
            Locator accept = page.getByLabel("J'accepte que la commune obtienne mon quotient familial auprès de la CAF ou de la MSA");
            assertThat(accept).hasAttribute("aria-invalid", "true");
            assertThat(accept).hasAttribute("aria-describedby", "accept-aide accept-erreur");
            assertThat(page.locator("#accept-erreur")).containsText("cochez");
            Locator commune = page.getByLabel("Code INSEE de la commune de naissance");
            assertThat(commune).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#birthCommune-erreur")).containsText("Saisissez le code INSEE de la commune de naissance");
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Certains champs sont à corriger")))
                    .isVisible();
            Browser.assertAccessible(page);

            // corrected and ticked: the quotient read and stored
            commune.fill("59350");
            accept.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon accord")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Votre quotient familial de 920 € est enregistré")))
                    .isVisible();
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer mon accord")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Votre accord est retiré"))).isVisible();
            Browser.assertAccessible(page);
        }
    }

    @Test
    void noFileFoundTellsTheFamilyWhatToDoAccessibly() {
        Family family = new QuotientFamilies(jdbc, encoder).family("INCONNU");
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = signIn(window, family);
            page.navigate("/dossier/quotient-caf");
            page.getByLabel("Nom de naissance").fill("INCONNU");
            page.getByLabel("Prénoms").fill("CAMILLE");
            page.getByLabel("Sexe à l'état civil").selectOption("F");
            page.getByLabel("Date de naissance").fill("1984-07-09");
            page.getByLabel("Code INSEE de la commune de naissance").fill("59350");
            page.getByLabel("J'accepte que la commune obtienne mon quotient familial auprès de la CAF ou de la MSA").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon accord")).click();
            Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("aucun dossier allocataire"));
            assertThat(alert).isVisible();
            assertThat(alert.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("« Documents »"))).hasAttribute("href", "/dossier/documents");
            Browser.assertAccessible(page);
        }
    }

    private static Page signIn(BrowserContext window, Family family) {
        Page page = window.newPage();
        page.navigate("/connexion");
        page.getByLabel("Nom d'utilisateur").fill(family.username());
        page.getByLabel("Mot de passe").fill(QuotientFamilies.PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
        return page;
    }
}
