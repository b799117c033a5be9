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
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, valid_to, source) values (?, 735, date '2020-01-01', null, 'CAF')",
                family.fileId());
        jdbc.update("""
                insert into supporting_document (family_file_id, document_type, valid_until, state, content, size_bytes, media_type, file_name)
                values (?, 'ASSURANCE', date '2099-08-31', 'ACCEPTE', '\\\\x25504446', 4, 'application/pdf', 'assurance.pdf')""",
                family.fileId());
        ActivitySummary activity = activities.findByCode("CENTRE_LOISIRS").orElseThrow();
        Registration registration = preRegistrations.register(families.find(family.fileId()).orElseThrow(), family.olderChildId(),
                activity.id(), EnumSet.of(DayOfWeek.WEDNESDAY));
        String child = "Sam " + family.name();

        try (BrowserContext window = Browser.newWindow(BASE_URL, 1400, 1000)) {
            Page tasklist = window.newPage();
            tasklist.navigate("/camunda/app/tasklist/default/");
            tasklist.locator("input[type=text]").first().fill("enfance");
            tasklist.locator("input[type=password]").fill("demo");
            tasklist.keyboard().press("Enter");

            tasklist.getByText("Tâches de mon service").first().click();
            Locator card = tasklist.locator(".task").filter(new Locator.FilterOptions().setHasText(child));
            assertThat(card.first()).containsText(activity.name());
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
}
