package fr.portailfamille.planning;

import fr.portailfamille.system.PortalTime;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The demo family in a real Chromium: books three Wednesdays of « Centre de loisirs » for Léa,
 * duplicates them to Hugo and reads the report, turns on its iCalendar feed, downloads it (it
 * parses with ical4j and holds the six days), then turns it off. Pages pass axe-core.
 */
class PlanningBrowserTest extends PortalIntegrationTest {

    @Test
    void demoFamilyBooksThreeWednesdaysForLeaDuplicatesThemToHugoAndSubscribesToItsCalendar() throws Exception {
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris")).plusMonths(2);
        String monthLabel = PlanningService.monthLabel(month);
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();

            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Planning").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planning").setExact(true))).isVisible();
            assertThat(page.getByLabel("Activité")).hasValue(page.getByLabel("Activité").locator("option", new Locator.LocatorOptions()
                    .setHasText("Centre de loisirs")).getAttribute("value"));
            page.getByLabel("Mois").selectOption(month.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
            assertThat(page.locator(".month-title")).containsText(monthLabel);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/planning.png")).setFullPage(true));
            Browser.assertAccessible(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier le planning de Léa – Centre de loisirs")).click();
            assertThat(page.locator(".month-title")).containsText("Léa DUPONT");
            Browser.assertAccessible(page);

            // three Wednesdays the page offers, ticked by their labels (the date is in each label)
            Locator wednesdays = page.getByLabel(Pattern.compile("^mercredi \\d+ ")).and(page.locator("input:not(:checked)"));
            List<String> days = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Locator box = wednesdays.first();
                days.add(box.getAttribute("value"));
                box.check();
            }

            // leaving the month with unsaved ticks asks first (planning.js); staying keeps the ticks
            AtomicReference<String> dialog = new AtomicReference<>();
            page.onceDialog(d -> {
                dialog.set(d.type());
                d.dismiss();
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mois suivant »")).click();
            assertThat(dialog.get()).isEqualTo("beforeunload");
            assertThat(page.locator("#jour-" + days.get(2))).isChecked();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            Locator summary = page.getByRole(AriaRole.STATUS);
            assertThat(summary).containsText("Enregistré");
            for (String day : days) {
                assertThat(summary).containsText(PortalTime.DAY.format(LocalDate.parse(day)) + " : réservé");
                assertThat(page.locator("#jour-" + day)).isChecked();
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/planning-modifier.png")).setFullPage(true));
            Browser.assertAccessible(page);

            // « dupliquer des réservations »: Léa → Hugo over the month
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dupliquer des réservations")).click();
            assertThat(page.getByLabel("Personne source")).hasValue(page.getByLabel("Personne source")
                    .locator("option", new Locator.LocatorOptions().setHasText("Léa")).getAttribute("value"));
            page.getByLabel("Hugo DUPONT").check();
            page.getByLabel("Date de début").fill(month.atDay(1).toString());
            page.getByLabel("Date de fin").fill(month.atEndOfMonth().toString());
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            Locator report = page.locator(".report-table tbody tr");
            for (String day : days) {
                assertThat(report.filter(new Locator.FilterOptions().setHasText(PortalTime.DAY.format(LocalDate.parse(day)))))
                        .hasText(Pattern.compile("Hugo.*copié : réservé", Pattern.DOTALL));
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/planning-duplication.png")).setFullPage(true));
            Browser.assertAccessible(page);

            // the private iCalendar feed
            page.navigate("/planning/calendrier");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer")).click();
            String feedUrl = page.getByLabel("Adresse privée du calendrier").inputValue();
            assertThat(feedUrl).startsWith(BASE_URL + "/planning/ical/").endsWith(".ics");
            Browser.assertAccessible(page);

            HttpResponse<String> feed = download(feedUrl);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
            List<String> events = calendar.<VEvent>getComponents("VEVENT").stream()
                    .map(e -> e.getSummary().getValue() + " " + e.getDateTimeStart().getValue()).toList();
            for (String day : days) {
                String date = day.replace("-", "");
                assertThat(events).contains("Léa – Centre de loisirs " + date, "Hugo – Centre de loisirs " + date);
            }

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Désactiver")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("désactivée");
            assertThat(download(feedUrl).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theMonthIsOneColumnOfLargeTickBoxesOnAPhone() {
        try (BrowserContext phone = Browser.newWindow(BASE_URL, 375, 740)) {
            Page page = phone.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");
            page.navigate("/planning?mois=" + YearMonth.now(ZoneId.of("Europe/Paris")).plusMonths(1));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier le planning de Léa – Centre de loisirs")).click();
            Locator days = page.locator(".planning-days .day");
            assertThat(days.first()).isVisible();
            int pageWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(pageWidth).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(375);
            if (days.count() > 1) {
                assertThat(days.nth(1).boundingBox().y).as("one day under the other").isGreaterThan(days.nth(0).boundingBox().y);
            }
            assertThat(days.first().boundingBox().height).as("large touch targets").isGreaterThanOrEqualTo(44);
            Browser.assertAccessible(page);
        }
    }

    private static HttpResponse<String> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
