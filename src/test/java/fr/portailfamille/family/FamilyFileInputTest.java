package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a French message on its field, is not stored, and the page keeps what was typed. */
class FamilyFileInputTest extends PortalIntegrationTest {

    @Autowired
    FamilyFixtures families;

    @Autowired
    JdbcClient jdbc;

    TestFamily family;
    WebSession session;

    @BeforeEach
    void loggedInFamily() {
        family = families.create("Petit");
        session = session();
        session.login(family.username(), FamilyFixtures.PASSWORD);
    }

    @Test
    void aFileOfSixMegabytesIsRefused() {
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(FamilyFileAccessTest.PDF, 0, big, 0, FamilyFileAccessTest.PDF.length);

        Page page = upload("gros.pdf", big, "2027-06-30");

        assertThat(page.status()).isEqualTo(200);
        assertThat(errorOf(page, "file")).contains("dépasse 5 Mo");
        assertThat(page.doc().selectFirst("#validUntil").attr("value")).as("typed value kept").isEqualTo("2027-06-30");
        assertThat(page.doc().selectFirst("#type option[selected]").attr("value")).isEqualTo("ASSURANCE");
        assertThat(documentsOf(family)).isZero();
    }

    @Test
    void anExecutableRenamedPdfIsRefused() {
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        Arrays.fill(exe, 2, 60, (byte) 0x90);

        Page page = upload("attestation.pdf", exe, "");

        assertThat(errorOf(page, "file")).contains("Seuls les fichiers PDF, JPEG ou PNG");
        assertThat(page.doc().selectFirst("#file").attr("aria-invalid")).isEqualTo("true");
        assertThat(documentsOf(family)).isZero();
    }

    @Test
    void aPngIsAcceptedFromItsContentWhateverItsName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

        Page page = session.follow(upload("../../photo carte.bin", png, ""));

        assertThat(page.text()).contains("Votre justificatif est envoyé").contains("photo carte.bin").contains("à vérifier");
        assertThat(jdbc.sql("select media_type from supporting_document where family_file_id = ?").param(family.fileId())
                .query(String.class).single()).isEqualTo("image/png");
    }

    @Test
    void aPhoneWithLettersIsRefusedAndTheTypedValuesKept() {
        Page contacts = session.get("/dossier/coordonnees");

        Page page = session.submit(contacts, "form#coordonnees", Map.of(
                "guardians[0].mobilePhone", "06 12 AB 56 78", "city", "Belcourt-sur-Mer"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(errorOf(page, "g0-mobile")).contains("numéro de téléphone français");
        assertThat(page.doc().selectFirst("#g0-mobile").attr("value")).isEqualTo("06 12 AB 56 78");
        assertThat(page.doc().selectFirst("#city").attr("value")).isEqualTo("Belcourt-sur-Mer");
        assertThat(jdbc.sql("select mobile_phone from guardian where id = ?").param(family.guardianId()).query(String.class).single())
                .isEqualTo("0601020304");
        assertThat(jdbc.sql("select city from family_file where id = ?").param(family.fileId()).query(String.class).single())
                .isEqualTo("Belcourt");
    }

    @Test
    void aValidPhoneIsSavedAndTheChangeKeptInTheHistory() {
        Page contacts = session.get("/dossier/coordonnees");

        Page page = session.follow(session.submit(contacts, "form#coordonnees", Map.of("guardians[0].mobilePhone", "+33 6 98 76 54 32")));

        assertThat(page.text()).contains("Vos coordonnées sont enregistrées");
        assertThat(page.doc().select("table tr").text())
                .contains("Téléphone portable de Alex " + family.name()).contains("0601020304").contains("+33 6 98 76 54 32")
                .contains(family.username());
    }

    @Test
    void aFutureBirthDateInAChangeRequestIsRefused() {
        Page child = session.get("/dossier/enfants/" + family.childId());
        String tomorrow = LocalDate.now().plusDays(2).toString();

        Page page = session.submit(child, "form#demande-modification", Map.of("newBirthDate", tomorrow, "comment", "erreur de saisie"));

        assertThat(errorOf(page, "newBirthDate")).isEqualTo("La date de naissance ne peut pas être dans le futur.");
        assertThat(page.doc().selectFirst("#newBirthDate").attr("value")).isEqualTo(tomorrow);
        assertThat(page.doc().selectFirst("#changeComment").text()).isEqualTo("erreur de saisie");
        assertThat(jdbc.sql("select count(*) from change_request where family_file_id = ?").param(family.fileId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aScriptInARemarkIsStoredAsTypedAndShownEscaped() {
        Page child = session.get("/dossier/enfants/" + family.childId());
        String remark = "<script>alert('x')</script> lunettes";

        Page page = session.follow(session.submit(child, "form#fiche-sanitaire", Map.of("remarks", remark, "allergies", "arachides")));

        assertThat(page.text()).contains("La fiche sanitaire est enregistrée");
        assertThat(page.doc().selectFirst("#remarks").text()).isEqualTo(remark);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        assertThat(jdbc.sql("select remarks from health_sheet where child_id = ?").param(family.childId()).query(String.class).single())
                .isEqualTo(remark);
    }

    @Test
    void aPaiWithoutDetailsAndABadDoctorPhoneAreRefused() {
        Page child = session.get("/dossier/enfants/" + family.childId());

        Page page = session.submit(child, "form#fiche-sanitaire", Map.of("pai", "true", "doctorPhone", "docteur", "diet", "sans porc"));

        assertThat(errorOf(page, "paiDetails")).contains("Précisez le PAI");
        assertThat(errorOf(page, "doctorPhone")).contains("numéro de téléphone français");
        assertThat(page.doc().selectFirst("#diet").attr("value")).isEqualTo("sans porc");
        assertThat(page.doc().selectFirst("#pai").hasAttr("checked")).isTrue();
        assertThat(jdbc.sql("select count(*) from health_sheet where child_id = ?").param(family.childId()).query(Long.class).single()).isZero();
    }

    @Test
    void aPickUpPersonNeedsAFrenchPhone() {
        Page child = session.get("/dossier/enfants/" + family.childId());

        Page page = session.submit(child, "form#personne-autorisee", Map.of("lastName", "MARTIN", "firstName", "Jeanne", "phone", "abc"));
        assertThat(errorOf(page, "pickupPhone")).contains("numéro de téléphone français");
        assertThat(page.doc().selectFirst("#pickupLastName").attr("value")).isEqualTo("MARTIN");

        Page saved = session.follow(session.submit(page, "form#personne-autorisee", Map.of("phone", "06 11 22 33 44")));
        assertThat(saved.text()).contains("Jeanne MARTIN").contains("06 11 22 33 44");

        Page removed = session.follow(session.submit(saved, ".pickup-list form", Map.of()));
        assertThat(removed.text()).contains("Aucune personne autorisée");
    }

    private Page upload(String fileName, byte[] content, String validUntil) {
        Page form = session.get("/dossier/documents");
        return session.postMultipart("/dossier/documents",
                Map.of("_csrf", form.doc().selectFirst("form#envoi-justificatif input[name=_csrf]").attr("value"),
                        "type", "ASSURANCE", "validUntil", validUntil),
                List.of(new FilePart("file", fileName, "application/pdf", content)));
    }

    private long documentsOf(TestFamily f) {
        return jdbc.sql("select count(*) from supporting_document where family_file_id = ?").param(f.fileId()).query(Long.class).single();
    }

    /** The error message shown for the field with this HTML id, linked by aria-describedby (beside its hint, if any). */
    static String errorOf(Page page, String id) {
        Element field = page.doc().getElementById(id);
        assertThat(field).as("field " + id).isNotNull();
        assertThat(field.attr("aria-invalid")).as(id + " marked invalid").isEqualTo("true");
        Element error = java.util.Arrays.stream(field.attr("aria-describedby").split("\\s+"))
                .map(page.doc()::getElementById).filter(e -> e != null && e.hasClass("field-error")).findFirst().orElse(null);
        assertThat(error).as("error of " + id).isNotNull();
        return error.text();
    }
}
