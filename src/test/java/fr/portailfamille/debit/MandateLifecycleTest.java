package fr.portailfamille.debit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Payer par prélèvement » step by step, through real HTTP and SMTP: a family signs its mandate from
 * « Facturation » (RUM, IBAN masked on the page, in the mail and the PDF), a double submit or a second
 * tab creates nothing twice, bad IBANs are refused with the reason, the account is changed (same RUM,
 * the amendment recorded), the mandate revoked; the Guichet Unique records a paper mandate; another
 * family sees none of it.
 */
class MandateLifecycleTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired java.time.Clock clock;

    private DebitFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DebitFixtures(jdbc, encoder);
    }

    @Test
    void theFamilySignsFromFacturationSeesItMaskedAndReceivesThePdf() throws Exception {
        DebitFixtures.Family family = fixtures.family("MANDAT");
        WebSession session = loggedIn(family);

        Page billing = session.open("/facturation");
        Element link = billing.doc().selectFirst("a[href$=/facturation/prelevement]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Payer par prélèvement");
        Page form = session.open(link.attr("href"));
        assertThat(form.doc().select("section:has(#signer)").text()).contains("FR04ZZZ900001", "Titulaire du compte", "IBAN");
        assertThat(form.text()).contains("vous autorisez (A) Ville de Belcourt à envoyer des instructions à votre banque");

        Page signed = session.follow(session.submit(form, "#signer",
                Map.of("holder", "Élodie " + family.name(), "iban", DebitFixtures.spaced(DebitFixtures.IBAN_3).toLowerCase(), "accepted", "true")));

        assertThat(signed.status()).isEqualTo(200);
        String rum = jdbc.queryForObject("select rum from debit_mandate where family_file_id = ?", String.class, family.id());
        assertThat(rum).isEqualTo("PF-" + family.number() + "-" + rum.substring(rum.length() - 6)).hasSizeLessThanOrEqualTo(35);
        assertThat(signed.doc().select("#mandat").text()).contains(rum, "Élodie " + family.name(), "**** **** **** **** **** ***0 309",
                "actif", "FR04ZZZ900001");
        assertThat(signed.body()).doesNotContain(DebitFixtures.IBAN_3).doesNotContain("0000000003");
        assertThat(signed.doc().select("[role=status]").text()).contains("Votre mandat de prélèvement est signé");
        assertThat(jdbc.queryForMap("select channel, state, signed_on, iban from debit_mandate where rum = ?", rum))
                .containsEntry("channel", "EN_LIGNE").containsEntry("state", "ACTIF").containsEntry("iban", DebitFixtures.IBAN_3)
                .containsEntry("signed_on", java.sql.Date.valueOf(LocalDate.now(clock)));

        var mail = mailbox().await(family.email(), "Votre mandat de prélèvement SEPA – " + rum);
        assertThat(mail.text()).contains(rum, "***0 309").doesNotContain(DebitFixtures.IBAN_3);
        String pdf = pdfAttachedTo(family.email(), rum);
        assertThat(pdf).contains("Mandat de prélèvement SEPA", rum, "FR04ZZZ900001", "Ville de Belcourt", "***0 309",
                "Paiement récurrent", "Une demande de remboursement doit être présentée").doesNotContain(DebitFixtures.IBAN_3);

        Page download = session.get("/facturation/prelevement/mandat.pdf");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void aDoubleSubmitOrASecondTabNeverMakesTwoMandates() {
        DebitFixtures.Family family = fixtures.family("DOUBLE");
        WebSession session = loggedIn(family);
        Page firstTab = session.open("/facturation/prelevement");
        Page secondTab = session.open("/facturation/prelevement");
        Map<String, String> values = Map.of("holder", "Élodie " + family.name(), "iban", DebitFixtures.IBAN_1, "accepted", "true");

        Page first = session.submit(firstTab, "#signer", values);
        Page again = session.submit(firstTab, "#signer", values);
        Page other = session.submit(secondTab, "#signer", Map.of("holder", "Autre", "iban", DebitFixtures.IBAN_2, "accepted", "true"));

        assertThat(first.status()).isEqualTo(302);
        assertThat(again.status()).isEqualTo(302);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.doc().select("[role=alert]").text()).contains("Un mandat de prélèvement est déjà en place pour ce dossier");
        assertThat(jdbc.queryForList("select iban from debit_mandate where family_file_id = ?", String.class, family.id()))
                .containsExactly(DebitFixtures.IBAN_1);
    }

    @Test
    void badIbansAreRefusedWithTheReason() {
        DebitFixtures.Family family = fixtures.family("REFUS");
        WebSession session = loggedIn(family);
        String wrongDigit = DebitFixtures.IBAN_1.substring(0, 26) + "6";

        assertRefused(session, wrongDigit, "La clé de contrôle de cet IBAN ne correspond pas à ses chiffres");
        assertRefused(session, DebitFixtures.IBAN_1.substring(0, 26), "Cet IBAN n'a pas la bonne longueur : un IBAN français compte 27 caractères, celui-ci 26.");
        assertRefused(session, "XX" + DebitFixtures.IBAN_1.substring(2), "Le pays « XX » de cet IBAN est inconnu");
        assertRefused(session, "", "Saisissez l'IBAN du compte à débiter.");

        Page withoutConsent = session.submit(session.open("/facturation/prelevement"), "#signer",
                Map.of("holder", "Élodie", "iban", DebitFixtures.IBAN_1));
        assertThat(withoutConsent.doc().select("#accepted-new-erreur").text()).isEqualTo("Cochez la case pour signer le mandat de prélèvement.");
        Page badBic = session.submit(session.open("/facturation/prelevement"), "#signer",
                Map.of("holder", "Élodie", "iban", DebitFixtures.IBAN_1, "bic", "DEUTDEFF", "accepted", "true"));
        assertThat(badBic.doc().select("#bic-erreur").text()).contains("Ce BIC est celui d'une banque d'un autre pays (« DE »)");
        assertThat(jdbc.queryForObject("select count(*) from debit_mandate where family_file_id = ?", Integer.class, family.id())).isZero();
    }

    @Test
    void changingTheAccountKeepsTheRumAndRecordsTheAmendment() {
        DebitFixtures.Family family = fixtures.family("MODIF");
        WebSession session = loggedIn(family);
        send(session, "#signer", family, DebitFixtures.IBAN_1);
        String rum = jdbc.queryForObject("select rum from debit_mandate where family_file_id = ?", String.class, family.id());

        // before any debit the bank has seen no account: a change is no amendment
        Page changed = session.follow(send(session, "#modifier", family, DebitFixtures.IBAN_2));
        assertThat(changed.doc().select("#mandat").text()).contains(rum, "***0 212");
        assertThat(jdbc.queryForMap("select iban, original_iban from debit_mandate where rum = ?", rum))
                .containsEntry("iban", DebitFixtures.IBAN_2).containsEntry("original_iban", null);

        // once debited, the next change is an amendment: the account the bank saw is kept until the next debit carries it
        jdbc.update("update debit_mandate set first_collected_on = current_date - 20 where rum = ?", rum);
        send(session, "#modifier", family, DebitFixtures.IBAN_3);
        assertThat(jdbc.queryForMap("select iban, original_iban, changed_bank from debit_mandate where rum = ?", rum))
                .containsEntry("iban", DebitFixtures.IBAN_3).containsEntry("original_iban", DebitFixtures.IBAN_2)
                .containsEntry("changed_bank", false);
        // another bank: still the same original, and the change of bank is known (the debit is sent as a first one)
        send(session, "#modifier", family, DebitFixtures.spaced(DebitFixtures.IBAN_OTHER_BANK));
        assertThat(jdbc.queryForMap("select iban, original_iban, changed_bank, rum from debit_mandate where family_file_id = ?", family.id()))
                .containsEntry("iban", DebitFixtures.IBAN_OTHER_BANK).containsEntry("original_iban", DebitFixtures.IBAN_2)
                .containsEntry("changed_bank", true).containsEntry("rum", rum);
        assertThat(jdbc.queryForList("select kind from debit_mandate_event e join debit_mandate m on m.id = e.mandate_id where m.rum = ? order by e.id",
                String.class, rum)).containsExactly("SIGNE", "MODIFIE", "MODIFIE", "MODIFIE");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(mailbox().to(family.email()))
                .anySatisfy(m -> assertThat(m.subject() + m.text()).contains("Modification de votre mandat de prélèvement SEPA – " + rum, "***0 495")));

        Page refused = session.submit(session.open("/facturation/prelevement"), "#modifier",
                Map.of("holder", "Élodie", "iban", "FR76", "accepted", "true"));
        assertThat(refused.doc().select("#iban-erreur").text()).contains("n'a pas la bonne longueur");
    }

    @Test
    void theFamilyRevokesItsMandateAfterConfirmingAndMaySignANewOne() {
        DebitFixtures.Family family = fixtures.family("REVOC");
        WebSession session = loggedIn(family);
        send(session, "#signer", family, DebitFixtures.IBAN_1);
        String rum = jdbc.queryForObject("select rum from debit_mandate where family_file_id = ?", String.class, family.id());

        Page unconfirmed = session.submit(session.open("/facturation/prelevement"), "#revoquer", Map.of());
        assertThat(unconfirmed.doc().select("#confirmed-erreur").text()).isEqualTo("Cochez la case pour confirmer la révocation du mandat.");
        assertThat(jdbc.queryForObject("select state from debit_mandate where rum = ?", String.class, rum)).isEqualTo("ACTIF");

        Page revoked = session.follow(session.submit(session.open("/facturation/prelevement"), "#revoquer", Map.of("confirmed", "true")));
        assertThat(revoked.doc().select("[role=status]").text()).contains("Votre mandat est révoqué");
        assertThat(revoked.doc().select("#signer")).isNotEmpty();
        assertThat(revoked.doc().select(".mandate-events").text()).contains("mandat signé", "mandat révoqué");
        assertThat(jdbc.queryForObject("select state from debit_mandate where rum = ?", String.class, rum)).isEqualTo("REVOQUE");
        assertThat(mailbox().await(family.email(), "Révocation de votre mandat de prélèvement SEPA – " + rum).text()).contains("est révoqué");
        assertThat(session.get("/facturation/prelevement/mandat.pdf").status()).isEqualTo(404);

        send(session, "#signer", family, DebitFixtures.IBAN_2);
        assertThat(jdbc.queryForList("select rum from debit_mandate where family_file_id = ? and state = 'ACTIF'", String.class, family.id()))
                .singleElement().isNotEqualTo(rum);
    }

    @Test
    void theGuichetUniqueRecordsAPaperMandateAndAServiceCannot() {
        DebitFixtures.Family family = fixtures.family("PAPIER");
        WebSession guichet = staff("guichet");
        Page dossier = guichet.open("/agent/dossiers/" + family.number());
        Element link = dossier.doc().selectFirst("a[href$=/agent/prelevement/" + family.number() + "]");
        assertThat(link).isNotNull();
        Page page = guichet.open(link.attr("href"));

        Page future = guichet.submit(page, "#papier", Map.of("holder", "Élodie " + family.name(), "iban", DebitFixtures.IBAN_1,
                "signedOn", LocalDate.now(clock).plusDays(3).toString(), "accepted", "true"));
        assertThat(future.doc().select("#signedOn-erreur").text()).isEqualTo("La date de signature ne peut pas être dans le futur.");

        String signedOn = LocalDate.now(clock).minusDays(5).toString();
        Page recorded = guichet.follow(guichet.submit(guichet.open(link.attr("href")), "#papier", Map.of("holder", "Élodie " + family.name(),
                "iban", DebitFixtures.IBAN_1, "signedOn", signedOn, "accepted", "true")));
        assertThat(recorded.doc().select("#mandat").text()).contains("mandat papier", "***0 115");
        assertThat(jdbc.queryForMap("select channel, recorded_by, signed_on from debit_mandate where family_file_id = ?", family.id()))
                .containsEntry("channel", "PAPIER").containsEntry("recorded_by", "guichet")
                .containsEntry("signed_on", java.sql.Date.valueOf(signedOn));
        assertThat(mailbox().await(family.email(), "Votre mandat de prélèvement SEPA").text()).contains("***0 115");

        // the family sees it on its own page
        assertThat(loggedIn(family).open("/facturation/prelevement").doc().select("#mandat").text()).contains("***0 115");

        assertThat(staff("enfance").get("/agent/prelevement/" + family.number()).status()).isEqualTo(403);
    }

    @Test
    void anotherFamilySeesNothingOfIt() {
        DebitFixtures.Family owner = fixtures.family("PROPRIO");
        DebitFixtures.Family other = fixtures.family("AUTRE");
        WebSession session = loggedIn(owner);
        send(session, "#signer", owner, DebitFixtures.IBAN_1);

        WebSession intruder = loggedIn(other);
        Page page = intruder.open("/facturation/prelevement");
        assertThat(page.doc().select("#mandat")).isEmpty();
        assertThat(page.body()).doesNotContain("***0 115").doesNotContain(owner.name());
        assertThat(intruder.get("/facturation/prelevement/mandat.pdf").status()).isEqualTo(404);
        intruder.submit(intruder.open("/facturation/prelevement"), "#signer",
                Map.of("holder", "Autre", "iban", DebitFixtures.IBAN_2, "accepted", "true"));
        assertThat(jdbc.queryForObject("select iban from debit_mandate where family_file_id = ? and state = 'ACTIF'", String.class, owner.id()))
                .isEqualTo(DebitFixtures.IBAN_1);
    }

    private void assertRefused(WebSession session, String iban, String message) {
        Page refused = session.submit(session.open("/facturation/prelevement"), "#signer",
                Map.of("holder", "Élodie", "iban", iban, "accepted", "true"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#iban-erreur").text()).contains(message);
        assertThat(refused.doc().selectFirst("#iban").attr("aria-invalid")).isEqualTo("true");
    }

    /** Signs (#signer) or changes (#modifier) the mandate with the family's guardian as holder and that IBAN. */
    private static Page send(WebSession session, String form, DebitFixtures.Family family, String iban) {
        return session.submit(session.open("/facturation/prelevement"), form,
                Map.of("holder", "Élodie " + family.name(), "iban", iban, "accepted", "true"));
    }

    private WebSession loggedIn(DebitFixtures.Family family) {
        WebSession session = session();
        session.login(family.username(), DebitFixtures.PASSWORD);
        return session;
    }

    private WebSession staff(String user) {
        WebSession session = session();
        session.follow(session.submit(session.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return session;
    }

    /** The text of the PDF attached to the mail sent to that address whose subject names the RUM. */
    static String pdfAttachedTo(String address, String rum) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                boolean toFamily = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
                if (toFamily && message.getSubject().contains(rum) && message.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart part = multipart.getBodyPart(i);
                        if (part.isMimeType("application/pdf")) {
                            try (InputStream in = part.getInputStream(); var document = Loader.loadPDF(in.readAllBytes())) {
                                return new PDFTextStripper().getText(document);
                            }
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no PDF mailed to " + address);
    }
}
