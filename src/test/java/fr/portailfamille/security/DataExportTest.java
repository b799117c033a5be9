package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** « Télécharger mes données » (RGPD): all of the family's data as a JSON file, and nothing of another family. */
class DataExportTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ObjectMapper json;

    @Test
    void aFamilyDownloadsAllItsDataAndNoneOfAnotherFamily() throws Exception {
        SecurityFamilies.Family owner = SecurityFamilies.withAccount(jdbc, encoder, "EXPORT");
        SecurityFamilies.Objects mine = SecurityFamilies.everything(jdbc, owner);
        SecurityFamilies.Family other = SecurityFamilies.withAccount(jdbc, encoder, "AUTRE");
        SecurityFamilies.Objects theirs = SecurityFamilies.everything(jdbc, other);

        jdbc.update("update family_file set regime = 'MSA' where id = ?", owner.fileId());
        WebSession family = session();
        family.login(owner.username(), owner.password());
        Page dossier = family.get("/dossier");
        assertThat(dossier.doc().select("#famille ~ dl.facts").text()).as("the scheme on « Mon dossier »").contains("Régime allocataire MSA");
        String link = dossier.doc().select("a[href$=/dossier/export]").text();
        assertThat(link).as("« Mon dossier » links the export").isEqualTo("Télécharger mes données");

        Page download = family.get("/dossier/export");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains(".json");
        JsonNode export = json.readTree(download.body());

        assertThat(export.at("/dossier/dossier/0/name").asText()).isEqualTo(owner.name());
        assertThat(export.at("/dossier/dossier/0/regime").asText()).isEqualTo("MSA");
        assertThat(export.at("/dossier/responsables/0/email").asText()).isEqualTo(owner.username() + "@example.org");
        assertThat(export.at("/dossier/enfants/0/birth_date").asText()).isEqualTo("2018-03-01");
        assertThat(export.at("/dossier/fichesSanitaires/0/allergies").asText()).isEqualTo("Allergie " + owner.name());
        assertThat(export.at("/dossier/consentements/0/photo").asBoolean()).isTrue();
        assertThat(export.at("/dossier/personnesAutorisees/0/id").asLong()).isEqualTo(mine.pickupId());
        assertThat(export.at("/dossier/justificatifs/0/file_name").asText()).isEqualTo("assurance.pdf");
        assertThat(export.at("/dossier/justificatifs/0").has("content")).as("documents are listed, not included").isFalse();
        assertThat(export.at("/compte/compte/0/username").asText()).isEqualTo(owner.username());
        assertThat(download.body()).as("no password hash").doesNotContain("password").doesNotContain("{bcrypt}");
        assertThat(export.at("/inscriptions/inscriptions/0/id").asLong()).isEqualTo(mine.registrationId());
        assertThat(export.at("/planning/reservations").size()).isEqualTo(1);
        assertThat(export.at("/facturation/factures/0/id").asLong()).isEqualTo(mine.invoiceId());
        assertThat(export.at("/facturation/factures/0").has("pdf")).isFalse();
        assertThat(export.at("/paiements/paiements/0/order_id").asText()).isEqualTo(mine.orderId());
        assertThat(export.at("/messagerie/messages/0/body").asText()).isEqualTo("Texte secret de " + owner.name());
        assertThat(export.at("/messagerie/piecesJointes/0/id").asLong()).isEqualTo(mine.attachmentId());

        // nothing of the other family
        assertThat(download.body()).doesNotContain(other.name()).doesNotContain(other.username()).doesNotContain(theirs.orderId());
        assertThat(export.at("/messagerie/messages").size()).isEqualTo(1);
    }

    @Test
    void theExportNeedsALogin() {
        assertThat(session().get("/dossier/export").isRedirectTo("/connexion")).isTrue();
    }
}
