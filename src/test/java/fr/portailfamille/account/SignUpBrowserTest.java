package fr.portailfamille.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The guide's four steps in Chromium for the demo file 100124 DURAND (the only test that claims
 * it), activation from the real mail, then the first login.
 */
class SignUpBrowserTest extends AccountFlows {

    private static final String EMAIL = "famille.durand@example.org";

    @Test
    void durandSignsUpInFourStepsActivatesFromTheMailAndLogsIn() {
        freeDurandFromAnEarlierRun();
        String username = "sophie.durand";
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("inscrivez vous")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Première étape"))).isVisible();
            Browser.assertAccessible(page);
            page.getByLabel("Civilité").selectOption("Mme");
            page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Durand");
            page.getByLabel("Prénom").fill("Sophie");
            page.getByLabel("Adresse e-mail").fill(EMAIL);
            page.getByLabel("Téléphone").fill("07 11 22 33 44");
            page.getByLabel("Nom d'utilisateur").fill(username);
            page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("court");
            page.getByLabel("Confirmation du mot de passe").fill("court");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            assertThat(page.locator("#password-erreur")).hasText("Le mot de passe doit contenir au moins 12 caractères.");
            assertThat(page.getByLabel("Nom d'utilisateur")).hasValue(username);
            Browser.assertAccessible(page);
            page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Deuxième étape"))).isVisible();
            Browser.assertAccessible(page);
            page.getByLabel("numéro de dossier").fill("100124");
            page.getByLabel("nom de dossier").fill("DURAND");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Troisième étape"))).isVisible();
            Browser.assertAccessible(page);
            page.getByLabel("j'ai lu et j'accepte les conditions générales d'utilisation").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quatrième étape"))).isVisible();
            assertThat(page.locator("main")).containsText("n° 100124 – DURAND");
            Browser.assertAccessible(page);
            page.reload();
            assertThat(page.locator("main")).containsText(EMAIL);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("valider mon inscription")).click();
            assertThat(page.locator("main")).containsText("Vérifiez votre messagerie");
            Browser.assertAccessible(page);

            ProcessInstance process = processOf(accounts.findByUsernameIgnoreCase(username).orElseThrow().getId());
            jobs().executeDue(process.getId());
            page.navigate(activationLink(EMAIL));
            assertThat(page.locator("main")).containsText("Votre compte est activé");

            page.getByLabel("Nom d'utilisateur").fill(username);
            page.getByLabel("Mot de passe").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();
            assertThat(page).hasURL(BASE_URL + "/");
            assertThat(page.locator("main")).containsText("DURAND");
            assertThat(page.locator("main")).containsText("100124");
            jobs().executeDue(process.getId());
        }
        mailbox().await(EMAIL, "Bienvenue");
    }

    /** Against a database kept between runs, DURAND may still be claimed by this test's previous run. */
    private void freeDurandFromAnEarlierRun() {
        Long previous = accountOfFile("100124");
        jdbc.update("update family_file set account_id = null where number = '100124'");
        if (previous != null) {
            jdbc.update("delete from portal_account where id = ?", previous);
        }
        jdbc.update("delete from portal_account where lower(email) = ?", EMAIL);
    }
}
