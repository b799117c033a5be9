package fr.portailfamille.debit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.Browser;
import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SEPA channel in a real Chromium, from « Facturation »: the family opens « Payer par
 * prélèvement », a mistyped IBAN is refused in French beside the field, it signs with a good one and
 * sees its mandate with the IBAN masked but its last four characters, the mandate's PDF arrives by
 * mail; its next invoice, in the month's debit batch, is announced with its debit day and no longer
 * offered to card payment (« Facturation » and « Étape 1 » say why) while an invoice outside the batch still is;
 * then it revokes the mandate and the invoice is offered to card payment again.
 */
class DirectDebitBrowserTest extends PortalIntegrationTest {

    /** The ISO 13616 example IBAN of a French account (a public test value, no one's account). */
    private static final String EXAMPLE_IBAN = "FR76 3000 6000 0112 3456 7890 189";
    private static final String MASKED = "**** **** **** **** **** ***0 189";

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired Clock clock;

    @Test
    void aFamilySignsFromFacturationSeesItsInvoiceDebitedThenRevokes() throws Exception {
        DebitFixtures.Family family = new DebitFixtures(jdbc, encoder).family("NAVIGATEUR");
        try (BrowserContext window = Browser.newWindow(BASE_URL)) {
            Page page = window.newPage();
            page.navigate("/connexion");
            page.getByLabel("Nom d'utilisateur").fill(family.username());
            page.getByLabel("Mot de passe").fill(DebitFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("se connecter")).click();
            assertThat(page).hasURL(BASE_URL + "/");

            page.navigate("/facturation");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payer par prélèvement")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signer un mandat de prélèvement SEPA"))).isVisible();
            assertThat(page.locator(".mandate-rights"))
                    .containsText("vous autorisez (A) Ville de Belcourt à envoyer des instructions à votre banque");
            Browser.assertAccessible(page);

            // a typing mistake in the last digit: refused in French, beside the field, nothing signed
            Locator holder = page.getByLabel("Titulaire du compte *", new Page.GetByLabelOptions().setExact(true));
            Locator iban = page.getByLabel("IBAN *", new Page.GetByLabelOptions().setExact(true));
            holder.fill("Élodie " + family.name());
            iban.fill(EXAMPLE_IBAN.substring(0, EXAMPLE_IBAN.length() - 1) + "8");
            page.getByLabel("J'autorise la Régie unique à prélever ce compte selon le mandat ci-dessus. *").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer le mandat")).click();
            assertThat(page.locator("#iban-erreur")).containsText("La clé de contrôle de cet IBAN ne correspond pas à ses chiffres");
            assertThat(iban).hasAttribute("aria-invalid", "true");
            assertThat(iban).hasAttribute("aria-describedby", "iban-aide iban-erreur");
            Browser.assertAccessible(page);
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from debit_mandate where family_file_id = ?",
                    Integer.class, family.id())).isZero();

            // the right IBAN: signed, shown masked but its last four characters
            iban.fill(EXAMPLE_IBAN);
            page.getByLabel("J'autorise la Régie unique à prélever ce compte selon le mandat ci-dessus. *").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer le mandat")).click();
            assertThat(page.locator(".alert-success[role=status]")).containsText("Votre mandat de prélèvement est signé");
            String rum = jdbc.queryForObject("select rum from debit_mandate where family_file_id = ? and state = 'ACTIF'", String.class,
                    family.id());
            Locator mandate = page.locator("#mandat");
            assertThat(mandate).containsText(rum);
            assertThat(mandate).containsText("FR04ZZZ900001");
            assertThat(mandate).containsText("Élodie " + family.name());
            assertThat(mandate.locator("dd.iban")).hasText(MASKED);
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("1234567890189").doesNotContain(EXAMPLE_IBAN);
            Browser.assertAccessible(page);

            var mail = mailbox().await(family.email(), "Votre mandat de prélèvement SEPA – " + rum);
            org.assertj.core.api.Assertions.assertThat(mail.text()).contains(rum, "***0 189").doesNotContain("1234567890189");
            org.assertj.core.api.Assertions.assertThat(MandateLifecycleTest.pdfAttachedTo(family.email(), rum))
                    .contains("Mandat de prélèvement SEPA", rum, "FR04ZZZ900001", "***0 189").doesNotContain("1234567890189");

            // the month's invoice is published: it joins the debit batch; an older invoice outside it stays payable by card
            DebitFixtures fixtures = new DebitFixtures(jdbc, encoder);
            YearMonth month = fixtures.monthOfItsOwn(2900);
            PendingInvoice debited = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "38.20");
            PendingInvoice byCard = fixtures.invoice(family, month.minusMonths(1), LocalDate.now(clock).plusDays(5), "12.00");
            transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(debited))));
            String day = jdbc.queryForObject("select collection_date from debit_batch where month = ?", java.sql.Date.class, month.toString())
                    .toLocalDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour à Facturation")).click();
            Locator debitedRow = page.locator("#facture-" + debited.id());
            assertThat(debitedRow.locator(".invoice-follow-up"))
                    .containsText("Sera prélevée le " + day + " sur le compte " + MASKED + " (mandat de prélèvement) : elle ne peut pas être payée par carte en attendant.");
            assertThat(page.locator("#facture-" + byCard.id() + " .invoice-follow-up")).hasCount(0);
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payer en ligne")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Étape 1 : Mes factures"))).isVisible();
            assertThat(page.getByLabel("Payer la facture " + byCard.number())).isEnabled();
            assertThat(page.getByLabel("Payer la facture " + debited.number())).hasCount(0);
            assertThat(page.locator("#factures-prelevees")).hasText("La facture " + debited.number() + " sera prélevée le " + day
                    + " (mandat de prélèvement) : elle n'est pas proposée au paiement par carte.");
            Browser.assertAccessible(page);

            // revoked (after ticking the confirmation): the debit is withdrawn, the invoice is offered to card payment again
            page.navigate("/facturation/prelevement");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le mandat")).click();
            assertThat(page.locator("#confirmed-erreur")).hasText("Cochez la case pour confirmer la révocation du mandat.");
            page.getByLabel("Je confirme la révocation de mon mandat de prélèvement.").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le mandat")).click();
            assertThat(page.locator(".alert-success[role=status]")).containsText("Votre mandat est révoqué");
            assertThat(page.locator("#mandat")).hasCount(0);
            assertThat(page.locator(".mandate-events")).containsText("mandat révoqué");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer le mandat"))).isVisible();
            Browser.assertAccessible(page);
            org.assertj.core.api.Assertions.assertThat(mailbox().await(family.email(), "Révocation de votre mandat de prélèvement SEPA – " + rum)
                    .text()).contains("est révoqué").doesNotContain("1234567890189");

            page.navigate("/facturation");
            assertThat(page.locator("#facture-" + debited.id() + " .invoice-follow-up")).hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payer en ligne")).click();
            assertThat(page.getByLabel("Payer la facture " + debited.number())).isEnabled();
            assertThat(page.locator("#factures-prelevees")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select state from debit_transaction where invoice_id = ?",
                    String.class, debited.id())).isEqualTo("ANNULE");
        }
    }
}
