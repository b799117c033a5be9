package fr.portailfamille.attendance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.PortalTime;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An animator on a tablet (768 × 1024) in a real Chromium: opens today's sheet from the staff home,
 * sees the allergy badge, ticks one child present and another absent (each row confirmed by the
 * server's answer), and closes the sheet. The page passes axe-core; its buttons are large enough
 * to hit with a thumb.
 */
class DaySheetBrowserTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void anAnimatorOnATabletOpensTheSheetSeesTheAllergyTicksPresentAndAbsentAndClosesIt() {
        AttendanceFixtures fixtures = new AttendanceFixtures(jdbc);
        LocalDate today = LocalDate.now(PortalTime.ZONE);
        long activity = fixtures.activity("Mini-camp", "enfance", "DAY", 20);
        String activityName = "Mini-camp " + fixtures.run;
        long family = fixtures.family("TABLETTE");
        long ines = fixtures.child(family, "TABLETTE", "Inès", today.minusYears(7), "CE1");
        fixtures.allergy(ines, "fruits à coque", null);
        fixtures.pickup(ines, "TABLETTE", "Paul", "oncle", "0677889900");
        long marius = fixtures.child(family, "TABLETTE", "Marius", today.minusYears(9), "CM1");
        fixtures.book(family, ines, activity, today);
        fixtures.book(family, marius, activity, today);

        try (BrowserContext window = Browser.newWindow(BASE_URL, 768, 1024)) {
            Page page = window.newPage();
            page.navigate("/agent/connexion");
            page.getByLabel("Identifiant").fill("enfance");
            page.getByLabel("Mot de passe").fill("demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Feuilles de présence").setExact(true)).click();
            page.getByLabel("Activité").selectOption(String.valueOf(activity));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la feuille")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(activityName);

            Locator inesRow = page.locator("#enfant-" + ines);
            Locator mariusRow = page.locator("#enfant-" + marius);
            assertThat(inesRow.locator(".health-badge")).hasText("Allergies : fruits à coque");
            assertThat(inesRow.locator(".health-badge")).isVisible();
            inesRow.getByText("Personnes autorisées et parents").click();
            assertThat(inesRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("0677889900"))).isVisible();
            Browser.assertAccessible(page);

            Locator present = inesRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Présent").setExact(true));
            assertThat(present.boundingBox().height).as("a thumb-sized button").isGreaterThanOrEqualTo(44);
            assertThat(present.boundingBox().x + present.boundingBox().width).as("inside the tablet's width").isLessThanOrEqualTo(768);
            present.click();
            // the row is replaced by the server's answer: only then it says who recorded it
            assertThat(page.locator("#enfant-" + ines + " .row-status")).containsText("présent par enfance à");
            assertThat(page.locator("#enfant-" + ines).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Présent").setExact(true)))
                    .hasAttribute("aria-pressed", "true");
            mariusRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Absent non justifié")).click();
            assertThat(page.locator("#enfant-" + marius + " .row-status")).containsText("absent non justifié par enfance à");
            assertThat(page.locator("#bilan")).containsText("2 enfant(s) attendu(s), 1 présent(s), 0 à pointer");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/feuille-presence-768.png")).setFullPage(true));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clôturer la feuille")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("La feuille est clôturée"))).isVisible();
            assertThat(page.locator("#bilan")).containsText("Feuille clôturée par enfance");
            Browser.assertAccessible(page);
        }
        assertThat(jdbc.queryForObject("select state from attendance_sheet where activity_id = ?", String.class, activity)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList("select status from attendance_entry e join attendance_sheet s on s.id = e.sheet_id where s.activity_id = ? order by e.child_id",
                String.class, activity)).containsExactly("PRESENT", "ABSENT_UNJUSTIFIED");
    }
}
