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
 * The demo family pays from « Facturation » with PayFiP in a real Chromium: it chooses « PayFiP »
 * at « Étape 2 », goes to the Treasury's page (its simulator), pays, and comes back to « Paiement
 * accepté »; the invoice is paid in « Historique » and the receipt arrives.
 */
class PayFipBrowserTest extends PortalIntegrationTest {

    private static final String DUPONT = "famille.dupont@example.org";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentProperties properties;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void leaveTheDemoFamilyAsItWas() {
        created.forEach(id -> {
            jdbc.update("update payment_invoice set pending = false where invoice_id = ?", id);
            jdbc.update("delete from invoice where id = ?", id);
        });
    }

    @Test
    void demoFamilyChoosesPayFiPFromFacturationAndPays() {
        long familyId = jdbc.queryForObject("select id from family_file where number = '100123'", Long.class);
        long invoice = new PaymentFixtures(jdbc, properties.systempay()).invoice(new PaymentFixtures.Family(familyId, "dupont", DUPONT), "23.70");
        created.add(invoice);
        String number = jdbc.queryForObject("select number from invoice where id = ?", String.class, invoice);
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill("dupont");
            page.getByLabel("Mot de passe").fill("Portail-Demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();
            assertThat(page).hasURL(BASE_URL + "/");

            page.navigate("/facturation");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payer en ligne")).click();
            page.getByLabel("Payer la facture " + number).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("suivante")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 2 : Mon récapitulatif"))).isVisible();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Moyen de paiement"))).isVisible();
            assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Carte bancaire").setExact(true))).isChecked();
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("PayFiP").setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 3 : Mon paiement"))).isVisible();
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payer avec PayFiP")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Simulateur PayFiP"))).isVisible();
            assertThat(page.locator("#montant-simule")).hasText("23,70 €");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payer").setExact(true)).click();

            assertThat(page.getByText("Paiement accepté")).isVisible();
            Browser.assertAccessible(page);
            jobs().executeAllDue();
            var receipt = mailbox().await(DUPONT, "Reçu de votre paiement en ligne");
            org.assertj.core.api.Assertions.assertThat(receipt.text()).contains(number, "23,70 €");
            page.navigate("/facturation/historique");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(number))).containsText("payée");
        }
    }
}
