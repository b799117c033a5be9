package fr.portailfamille.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.family.FamilyFixtures.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A family reads and changes only its own file: every route with another family's ids, and as anonymous. */
class FamilyFileAccessTest extends PortalIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();

    @Autowired
    FamilyFixtures families;

    @Autowired
    JdbcClient jdbc;

    TestFamily owner;
    TestFamily other;
    long ownerDocumentId;
    long ownerPickupId;

    @BeforeEach
    void twoFamilies() {
        owner = families.create("Martin");
        other = families.create("Bernard");
        WebSession ownerSession = session();
        ownerSession.login(owner.username(), FamilyFixtures.PASSWORD);
        Page page = ownerSession.get("/dossier/documents");
        ownerSession.postMultipart("/dossier/documents", Map.of("_csrf", ownerSession.csrfToken(), "type", "ASSURANCE", "validUntil", ""),
                List.of(new FilePart("file", "assurance.pdf", "application/pdf", PDF)));
        assertThat(page.status()).isEqualTo(200);
        ownerDocumentId = jdbc.sql("select id from supporting_document where family_file_id = ?").param(owner.fileId())
                .query(Long.class).single();
        jdbc.sql("insert into pickup_person (child_id, last_name, first_name, phone) values (?, 'MARTIN', 'Paul', '0611111111')")
                .param(owner.childId()).update();
        ownerPickupId = jdbc.sql("select id from pickup_person where child_id = ?").param(owner.childId()).query(Long.class).single();
    }

    @Test
    void anotherFamilyCannotReadTheChildrenContactsOrDocumentsOfTheFirst() {
        WebSession intruder = session();
        intruder.login(other.username(), FamilyFixtures.PASSWORD);

        assertThat(intruder.get("/dossier/enfants/" + owner.childId()).status()).isEqualTo(404);
        assertThat(intruder.get("/dossier/documents/" + ownerDocumentId).status()).isEqualTo(404);
        assertThat(intruder.get("/dossier/enfants").text()).contains("Camille " + other.name()).doesNotContain(owner.name());
        assertThat(intruder.get("/dossier/coordonnees").text()).doesNotContain(owner.email());
        assertThat(intruder.get("/dossier/documents").text()).doesNotContain("assurance.pdf");
        assertThat(intruder.get("/agent/dossiers/" + owner.fileId()).isRedirectTo("/agent/connexion"))
                .as("the staff page needs a staff login").isTrue();
        assertThat(intruder.get("/agent/dossiers/" + owner.fileId() + "/documents/" + ownerDocumentId).isRedirectTo("/agent/connexion")).isTrue();
    }

    @Test
    void anotherFamilyCannotChangeTheFirstsChildrenContactsOrRequests() {
        WebSession intruder = session();
        Page ownChild = intruder.login(other.username(), FamilyFixtures.PASSWORD);
        ownChild = intruder.get("/dossier/enfants/" + other.childId());
        String csrf = intruder.csrfToken();

        assertThat(intruder.postForm("/dossier/enfants/" + owner.childId() + "/sante",
                Map.of("_csrf", csrf, "allergies", "arachides", "remarks", "intrus")).status()).isEqualTo(404);
        assertThat(intruder.postForm("/dossier/enfants/" + owner.childId() + "/personnes-autorisees",
                Map.of("_csrf", csrf, "lastName", "X", "firstName", "Y", "phone", "0612345678")).status()).isEqualTo(404);
        assertThat(intruder.postForm("/dossier/enfants/" + owner.childId() + "/personnes-autorisees/" + ownerPickupId + "/suppression",
                Map.of("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(intruder.postForm("/dossier/enfants/" + other.childId() + "/personnes-autorisees/" + ownerPickupId + "/suppression",
                Map.of("_csrf", csrf)).status()).as("a person of another child, through one's own child").isEqualTo(404);
        assertThat(intruder.postForm("/dossier/enfants/" + owner.childId() + "/consentements",
                Map.of("_csrf", csrf, "photo", "true")).status()).isEqualTo(404);
        assertThat(intruder.postForm("/dossier/enfants/" + owner.childId() + "/demande-modification",
                Map.of("_csrf", csrf, "newFirstName", "Intrus")).status()).isEqualTo(404);

        Page contacts = intruder.get("/dossier/coordonnees");
        Page changed = intruder.submit(contacts, "form#coordonnees", Map.of(
                "guardians[0].id", String.valueOf(owner.guardianId()), "guardians[0].email", "pirate@example.org"));
        assertThat(changed.status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from health_sheet where child_id = ?").param(owner.childId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from consent where child_id = ?").param(owner.childId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pickup_person where child_id = ?").param(owner.childId()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from change_request where child_id = ?").param(owner.childId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select email from guardian where id = ?").param(owner.guardianId()).query(String.class).single())
                .isEqualTo(owner.email());
    }

    @Test
    void theOwnerReadsItsOwnDocumentBack() {
        WebSession ownerSession = session();
        ownerSession.login(owner.username(), FamilyFixtures.PASSWORD);

        Page download = ownerSession.get("/dossier/documents/" + ownerDocumentId);

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-type")).startsWith("application/pdf");
        assertThat(download.header("content-disposition")).startsWith("attachment").contains("assurance.pdf");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        WebSession anonymous = session();
        for (String path : List.of("/dossier", "/dossier/enfants", "/dossier/enfants/" + owner.childId(), "/dossier/coordonnees",
                "/dossier/documents", "/dossier/documents/" + ownerDocumentId)) {
            assertThat(anonymous.get(path).isRedirectTo("/connexion")).as(path).isTrue();
        }
        assertThat(anonymous.get("/agent/dossiers/" + owner.fileId()).isRedirectTo("/agent/connexion")).isTrue();
        assertThat(anonymous.get("/agent/aide").isRedirectTo("/agent/connexion")).isTrue();
    }
}
