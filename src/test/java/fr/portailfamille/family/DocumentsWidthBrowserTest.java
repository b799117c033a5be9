package fr.portailfamille.family;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * « Mes documents » on a 1366 px laptop screen, in Chromium: the whole table is visible without
 * scrolling it sideways, « État » included (the refusal reason, the « accepté » badge).
 */
class DocumentsWidthBrowserTest extends PortalIntegrationTest {

    private static final String REASON = "Le document est illisible : envoyez une photo plus nette de la page entière, s'il vous plaît.";

    @Autowired
    FamilyFixtures families;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStateColumnIsWhollyVisibleAt1366Pixels() {
        TestFamily family = families.create("Largeur");
        document(family, "VACCINATIONS", "carnet-de-vaccinations-de-camille.pdf", "REFUSE", REASON);
        document(family, "ASSURANCE", "attestation-assurance-scolaire-2026-2027.pdf", "ACCEPTE", null);
        try (BrowserContext window = Browser.newWindow(BASE_URL, 1366, 768)) {
            window.setDefaultTimeout(120_000); // pages and form posts of a loaded machine can be slow
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill(family.username());
            page.getByLabel("Mot de passe").fill(FamilyFixtures.PASSWORD);
            page.getByLabel("Mot de passe").press("Enter");
            page.navigate("/dossier/documents");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/documents-1366.png")).setFullPage(true));

            Locator scroller = page.locator(".table-scroll").first();
            int scrollWidth = ((Number) scroller.evaluate("e => e.scrollWidth")).intValue();
            int clientWidth = ((Number) scroller.evaluate("e => e.clientWidth")).intValue();
            assertThat(scrollWidth).as("the table fits its box, nothing hidden to the right").isLessThanOrEqualTo(clientWidth);

            BoundingBox box = scroller.boundingBox();
            for (Locator visible : new Locator[] {page.getByText("accepté", new Page.GetByTextOptions().setExact(true)),
                    page.getByText("Motif : " + REASON)}) {
                assertThat(visible).isVisible();
                BoundingBox b = visible.boundingBox();
                assertThat(b.x + b.width).as("right edge of « " + visible.textContent() + " »").isLessThanOrEqualTo(box.x + box.width + 0.5);
            }
            Browser.assertAccessible(page);
        }
    }

    private void document(TestFamily family, String type, String fileName, String state, String reason) {
        jdbc.sql("""
                insert into supporting_document (family_file_id, document_type, valid_until, state, refusal_reason, content,
                    size_bytes, media_type, file_name) values (?, ?, date '2027-08-31', ?, ?, ?, ?, 'application/pdf', ?)""")
                .params(family.fileId(), type, state, reason, FamilyFileAccessTest.PDF, FamilyFileAccessTest.PDF.length, fileName)
                .update();
    }
}
