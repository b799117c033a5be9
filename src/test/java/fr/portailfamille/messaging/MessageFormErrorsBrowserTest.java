package fr.portailfamille.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Envoyer un message » in Chromium: after a refused submit, each red message goes away as soon as its
 * field is filled (the field loses aria-invalid and its description), the others stay; then it sends.
 */
class MessageFormErrorsBrowserTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void theFieldErrorsOfARefusedSubmitGoAwayAsTheFieldsAreFilled() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            window.setDefaultTimeout(120_000); // pages and form posts of a loaded machine can be slow
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill(family.username());
            page.getByLabel("Mot de passe").fill(MessagingFamilies.PASSWORD);
            page.getByLabel("Mot de passe").press("Enter");
            assertThat(page).hasURL(BASE_URL + "/");

            page.navigate("/messagerie/nouveau");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer").setExact(true)).click();
            assertThat(page.getByText("Le message n'a pas été envoyé")).isVisible();
            for (String field : new String[] {"service", "theme", "subject", "body"}) {
                assertThat(page.locator("#" + field + "-erreur")).isVisible();
                assertThat(page.locator("#" + field)).hasAttribute("aria-invalid", "true");
            }

            page.getByLabel("Service *").selectOption(new SelectOption().setLabel("Centre de loisirs"));
            assertThat(page.locator("#service-erreur")).isHidden();
            assertThat(page.locator("#service")).not().hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#subject-erreur")).isVisible(); // not filled yet: still signalled

            page.getByLabel("Thèmes *").selectOption(new SelectOption().setLabel("Inscription"));
            page.getByLabel("Objet *").fill("Sortie de mercredi");
            page.getByLabel("Message *", new Page.GetByLabelOptions().setExact(true)).fill("Faut-il prévoir un pique-nique ?");
            for (String field : new String[] {"theme", "subject", "body"}) {
                assertThat(page.locator("#" + field + "-erreur")).isHidden();
                assertThat(page.locator("#" + field)).not().hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#" + field)).not().hasAttribute("aria-describedby", field + "-erreur");
            }
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer").setExact(true)).click();
            assertThat(page).hasURL(BASE_URL + "/messagerie/envoyes");
            assertThat(page.getByText("Votre message a été envoyé au service « Centre de loisirs »")).isVisible();
        }
    }
}
