package fr.portailfamille.registration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StaffBrowser;
import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Valider la pré-inscription » in the real Tasklist, as an agent of the service Enfance: the card
 * says which child and which activity; the form shows the quotient familial and the documents;
 * refusing without a reason is answered in the form with « Indiquez le motif du refus » (no 500),
 * then refusing with a reason closes the task.
 */
class PreRegistrationTasklistBrowserTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PreRegistrations preRegistrations;
    @Autowired RegistrationRepository repository;
    @Autowired FamilyFiles families;
    @Autowired Activities activities;

    @Test
    void anEnfanceAgentSeesTheFactsAndIsToldToGiveTheReasonOfARefusal() {
        TestFamily family = RegistrationFamilies.create(jdbc, encoder);
        ActivitySummary activity = activities.findByCode("CENTRE_LOISIRS").orElseThrow();
        Registration registration = preRegister(family, 735, activity);
        String child = "Sam " + family.name();

        try (StaffBrowser agent = StaffBrowser.signedIn(BASE_URL, "enfance", "demo")) {
            Locator card = agent.serviceTaskCard(child);
            Page tasklist = agent.page();
            assertThat(card.first()).containsText(activity.name());
            // every word of the list in French, none left as the webapp's key (« SEARCH_PLACEHOLDER »)
            assertThat(tasklist.locator("input.main-field").first())
                    .hasAttribute("placeholder", "Rechercher des tâches");
            assertThat(tasklist.locator("body")).not().containsText("CREATION_DATE");
            card.first().click();

            assertThat(tasklist.getByLabel("Quotient familial")).hasValue(
                    java.util.regex.Pattern.compile("^735 € – valable du 01/01/2020"));
            assertThat(tasklist.getByLabel("Pièces demandées et leur état"))
                    .hasValue(java.util.regex.Pattern.compile("Attestation d'assurance : accepté, valable jusqu'au 31/08/2099"));
            assertThat(tasklist.getByLabel("Pièces demandées et leur état"))
                    .hasValue(java.util.regex.Pattern.compile("Attestation CAF / quotient familial : non fourni"));

            tasklist.locator("button.claim").click();
            tasklist.getByLabel("Refuser la pré-inscription").check();
            tasklist.locator("button[ng-click=\"complete()\"]").click();
            assertThat(tasklist.getByText("Indiquez le motif du refus").first()).isVisible();
            assertThat(tasklist.locator("body")).not().containsText("ENGINE-");
            assertThat(repository.findById(registration.getId()).orElseThrow().getState()).isEqualTo(RegistrationState.PENDING);

            tasklist.getByLabel("Motif du refus").fill("Le centre est complet le mercredi.");
            // the refusal's notification lies over the form's buttons until closed: the button is pressed as a keyboard user would
            tasklist.locator("button[ng-click=\"complete()\"]").focus();
            tasklist.keyboard().press("Enter");
            tasklist.locator(".task").filter(new Locator.FilterOptions().setHasText(child)).first()
                    .waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        }
        assertThat(repository.findById(registration.getId()).orElseThrow().getState()).isEqualTo(RegistrationState.REFUSED);
        assertThat(repository.findById(registration.getId()).orElseThrow().getReason()).isEqualTo("Le centre est complet le mercredi.");
    }

    /**
     * One staff sign-in, in the browser: the agent signs in once on /agent/connexion, Tasklist opens
     * without a second login, in French, its card names the child and the activity; a document of the
     * form opens in a new tab, still signed in, shown by the browser, and the form keeps what was typed;
     * « Se déconnecter » in Tasklist ends the staff session too. A family's session never opens Tasklist.
     */
    @Test
    void anAgentSignsInOnceForTasklistAndTheDocumentsAndSignsOutOnce() {
        TestFamily family = RegistrationFamilies.create(jdbc, encoder);
        ActivitySummary activity = activities.findByCode("CENTRE_LOISIRS").orElseThrow();
        preRegister(family, 612, activity);
        String child = "Sam " + family.name();

        try (StaffBrowser agent = StaffBrowser.signedIn(BASE_URL, "enfance", "demo")) {
            Page tasklist = agent.tasklist();
            assertThat(tasklist.locator("input[type=password]")).hasCount(0);
            assertThat(tasklist.getByText("Lancer une démarche")).isVisible();
            Locator card = agent.serviceTaskCard(child);
            assertThat(card).containsText("Enfant");
            assertThat(card).containsText(activity.name());
            card.click();
            assertThat(tasklist.getByLabel("Quotient familial")).isVisible();
            tasklist.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/tasklist-fr.png")));

            tasklist.locator("button.claim").click();
            tasklist.getByLabel("Refuser la pré-inscription").check();
            tasklist.getByLabel("Motif du refus").fill("Réponse en cours de rédaction");
            Locator document = tasklist.locator("a[href*='/documents/']").first();
            assertThat(document).hasAttribute("target", "_blank");
            assertThat(document).hasAttribute("rel", "noopener");
            String href = document.getAttribute("href");

            // the document, with the same session, in a new tab (a PDF is shown, not downloaded)
            var answer = agent.window().request().get(href);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("content-disposition")).startsWith("inline");
            assertThat(answer.headers().get("x-content-type-options")).isEqualTo("nosniff");
            Page tab = agent.window().waitForPage(document::click);
            tab.waitForLoadState();
            assertThat(tab.url()).as("still signed in: no sign-in page").contains("/documents/").doesNotContain("/connexion");
            tab.close();
            assertThat(tasklist.getByLabel("Motif du refus")).hasValue("Réponse en cours de rédaction");

            // one logout: Tasklist's « Se déconnecter » ends the staff pages too
            tasklist.locator("li.account a.dropdown-toggle").click();
            assertThat(tasklist.locator("li.logout a")).hasText("Se déconnecter");
            tasklist.locator("li.logout a").click();
            tasklist.waitForURL(url -> url.contains("/agent/connexion"));
            tasklist.navigate("/agent");
            assertThat(tasklist.url()).contains("/agent/connexion");
            tasklist.navigate("/camunda/app/tasklist/default/");
            assertThat(tasklist.url()).contains("/agent/connexion");
        }

        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill(family.username());
            page.getByLabel("Mot de passe").fill(family.password());
            page.locator("form[action$='/connexion'] button[type=submit]").click();
            page.waitForURL(url -> !url.contains("/connexion"));
            page.navigate("/camunda/app/tasklist/default/");
            assertThat(page.url()).as("a family is sent to the staff sign-in").contains("/agent/connexion");
        }
    }

    /** The family's elder child pre-registered on Wednesdays, with a quotient familial and an accepted insurance certificate (a PDF). */
    private Registration preRegister(TestFamily family, int quotient, ActivitySummary activity) {
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, ?, date '2020-01-01', null, 'CAF')",
                family.fileId(), quotient);
        jdbc.update("""
                insert into supporting_document (family_file_id, document_type, valid_until, state, content, size_bytes, media_type, file_name)
                values (?, 'ASSURANCE', date '2099-08-31', 'ACCEPTE', '\\x25504446', 4, 'application/pdf', 'assurance.pdf')""",
                family.fileId());
        return preRegistrations.register(families.find(family.fileId()).orElseThrow(), family.olderChildId(), activity.id(),
                EnumSet.of(DayOfWeek.WEDNESDAY));
    }
}
