package fr.portailfamille.billing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium: the demo family sees its pending invoice on « Facturation », opens its details and downloads its PDF. */
class BillingBrowserTest extends PortalIntegrationTest {

    @Autowired
    InvoiceStore store;

    @Autowired
    FamilyFiles families;

    @Test
    void theDemoFamilyOpensThePendingInvoiceDetailsAndDownloadsItsPdf() throws IOException {
        long dupont = families.findByNumber("100123").orElseThrow().id();
        InvoiceView pending = store.ofFamily(dupont, List.of(InvoiceState.PENDING)).get(0);
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByLabel("Mot de passe").press("Enter");
            page.locator("#tuile-facturation").click();

            assertThat(page).hasURL(BASE_URL + "/facturation");
            Locator row = page.locator("#facture-" + pending.id());
            assertThat(row).containsText(pending.number());
            assertThat(row).containsText(pending.amountDueText());
            assertThat(row).containsText(pending.dueOnText());
            Locator details = row.locator("details table");
            assertThat(details).isHidden();
            Browser.assertAccessible(page);

            row.locator("summary").click();
            assertThat(details).isVisible();
            assertThat(details).containsText("Léa DUPONT");
            assertThat(details).containsText("Centre de loisirs");
            Browser.assertAccessible(page);

            Locator link = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Télécharger la facture " + pending.number()));
            Matcher size = Pattern.compile("\\(Pdf,(\\d+)ko\\)").matcher(link.textContent());
            org.assertj.core.api.Assertions.assertThat(size.find()).isTrue();
            Download download = page.waitForDownload(link::click);

            byte[] pdf = Files.readAllBytes(download.path());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("facture-" + pending.number() + ".pdf");
            org.assertj.core.api.Assertions.assertThat(Long.parseLong(size.group(1))).isEqualTo((pdf.length + 1023) / 1024);
            org.assertj.core.api.Assertions.assertThat(PdfText.of(pdf))
                    .contains("Facture n° " + pending.number(), "Total à payer : " + pending.totalText(), "Léa DUPONT");
        }
    }
}
