package fr.portailfamille.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chromium: the demo family sends a message with a PDF and « Confirmation par mail »,
 * agent enfance answers through the REST API as Tasklist does, the family sees « Messagerie (1) »,
 * reads the answer and the count drops.
 */
class MessagingBrowserTest extends PortalIntegrationTest {

    private static final String DUPONT_MAIL = "famille.dupont@example.org";

    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    private static Locator messagerieTab(Page page) {
        return page.locator("nav.tabs a[href='/messagerie']");
    }

    @Test
    void theDemoFamilyWritesTheCentreDeLoisirsWhichAnswersInTasklist() {
        String subject = "Sortie piscine " + System.nanoTime();
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();
            assertThat(page).hasURL(BASE_URL + "/");

            // read what is already waiting (the demo thread, other tests' answers) so the count starts at zero
            messagerieTab(page).click();
            while (page.locator("tr.unread a").count() > 0) {
                page.locator("tr.unread a").first().click();
                page.navigate("/messagerie");
            }
            assertThat(messagerieTab(page)).hasText("Messagerie");
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Envoyer un message")).click();
            page.getByLabel("Service *").selectOption(new SelectOption().setLabel("Centre de loisirs"));
            page.getByLabel("Thèmes *").selectOption(new SelectOption().setLabel("Inscription"));
            assertThat(page.locator("#theme optgroup[label='Facturation']")).isHidden();
            page.getByLabel("Objet *").fill(subject);
            page.getByLabel("Message *", new Page.GetByLabelOptions().setExact(true)).fill("Hugo peut-il participer à la sortie piscine de mercredi ?");
            page.getByLabel("Fichier").setInputFiles(new FilePayload("autorisation.pdf", "application/pdf", MessagingPagesTest.PDF));
            page.getByLabel("Confirmation par mail").check();
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer").setExact(true)).click();

            assertThat(page).hasURL(BASE_URL + "/messagerie/envoyes");
            assertThat(page.getByText("Votre message a été envoyé au service « Centre de loisirs »")).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject))).isVisible();

            long messageId = jdbc.queryForObject("select id from message where subject = ?", Long.class, subject);
            String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("messageRouting").processInstanceBusinessKeyLike(String.format("MSG-%06d %%", messageId))
                    .singleResult().getId();
            jobs().executeDue(instanceId);
            mailbox().await(DUPONT_MAIL, "Votre message a bien été envoyé");

            answerAsEnfance(messageId, "Oui, Hugo est inscrit à la sortie. Prévoir un bonnet.");
            jobs().executeDue(instanceId);
            mailbox().await(DUPONT_MAIL, "Vous avez reçu une réponse");

            page.reload();
            assertThat(messagerieTab(page)).hasText("Messagerie (1)");
            messagerieTab(page).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Re : " + subject)).click();
            assertThat(page.getByText("Oui, Hugo est inscrit à la sortie. Prévoir un bonnet.")).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("autorisation.pdf"))).isVisible();
            assertThat(messagerieTab(page)).hasText("Messagerie");
            Browser.assertAccessible(page);
        }
    }

    /** What Tasklist does for agent enfance: find the task, submit its form (HTTP Basic on /engine-rest). */
    private void answerAsEnfance(long messageId, String answer) {
        WebSession rest = session();
        WebSession.Page found = rest.send(MessagingPagesTest.basic(rest, "/engine-rest/task?processDefinitionKey=messageRouting&processInstanceBusinessKeyLike=" + String.format("MSG-%06d%%25", messageId), "enfance"));
        String taskId = found.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        String json = "{\"variables\":{\"answer\":{\"value\":\"" + answer + "\",\"type\":\"String\"},"
                + "\"forwardTo\":{\"value\":null,\"type\":\"Null\"}}}";
        WebSession.Page submitted = rest.send(MessagingPagesTest.basic(rest, "/engine-rest/task/" + taskId + "/submit-form", "enfance")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        org.assertj.core.api.Assertions.assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }
}
