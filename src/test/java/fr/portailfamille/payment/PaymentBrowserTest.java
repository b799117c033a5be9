package fr.portailfamille.payment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo family pays online in a real Chromium, through the SystemPay simulator: accepted, the
 * invoice is paid in « Historique » and the receipt arrives; refused, the invoice stays pending.
 * The invoices are the test's own (the demo's pending invoice is left to the other tests).
 */
class PaymentBrowserTest extends PortalIntegrationTest {

    private static final String DUPONT = "famille.dupont@example.org";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;

    private final List<Long> created = new ArrayList<>();

    private long dupontInvoice(String euros) {
        long familyId = jdbc.queryForObject("select id from family_file where number = '100123'", Long.class);
        long id = new PaymentFixtures(jdbc, properties.systempay()).invoice(new PaymentFixtures.Family(familyId, "dupont", DUPONT), euros);
        created.add(id);
        return id;
    }

    private String number(long invoiceId) {
        return jdbc.queryForObject("select number from invoice where id = ?", String.class, invoiceId);
    }

    @AfterEach
    void leaveTheDemoFamilyAsItWas() {
        created.forEach(id -> {
            jdbc.update("update payment_invoice set pending = false where invoice_id = ?", id);
            jdbc.update("delete from invoice where id = ?", id);
        });
    }

    private void payThroughTheSimulator(Page page, String invoiceNumber, String total, String choice) {
        page.navigate("/facturation");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payer en ligne")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 1 : Mes factures"))).isVisible();
        Browser.assertAccessible(page);
        page.getByLabel("Payer la facture " + invoiceNumber).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("suivante")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 2 : Mon récapitulatif"))).isVisible();
        assertThat(page.locator("#total-a-payer")).hasText(total);
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 3 : Mon paiement"))).isVisible();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payer par carte")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Simulateur SystemPay"))).isVisible();
        assertThat(page.locator("#montant-simule")).hasText(total);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(choice).setExact(true)).click();
    }

    @Test
    void demoFamilyPaysAnInvoiceByCardThenARefusedAttemptLeavesTheOtherPending() {
        long paid = dupontInvoice("18.40");
        long refused = dupontInvoice("7.00");
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();
            assertThat(page).hasURL(BASE_URL + "/");

            payThroughTheSimulator(page, number(paid), "18,40 €", "Accepter");
            assertThat(page.getByText("Paiement accepté")).isVisible();
            Browser.assertAccessible(page);
            jobs().executeAllDue();
            var receipt = mailbox().await(DUPONT, "Reçu de votre paiement en ligne");
            org.assertj.core.api.Assertions.assertThat(receipt.text()).contains(number(paid), "18,40 €");

            page.navigate("/facturation/historique");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(number(paid)))).containsText("payée");

            payThroughTheSimulator(page, number(refused), "7,00 €", "Refuser");
            assertThat(page.getByText("Paiement refusé")).isVisible();
            page.navigate("/facturation/historique");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(number(refused)))).containsText("en attente");
            page.navigate("/facturation/paiement");
            assertThat(page.getByLabel("Payer la facture " + number(refused))).isEnabled();
            assertThat(page.getByLabel("Payer la facture " + number(paid))).hasCount(0);
        }
    }
}
