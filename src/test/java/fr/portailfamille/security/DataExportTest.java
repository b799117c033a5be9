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

/**
 * « Télécharger mes données » (RGPD): all of the family's data as a JSON file — with the consent to API
 * Particulier, its calls, the quotient read and its source, and FranceConnect's identity claims — and nothing
 * of another family.
 */
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
        readFromTheState(owner, "MSA", 432, "1984-07-09");
        readFromTheState(other, "CAF", 987, "1979-02-28");
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
        // API Particulier: the consent (with its date and the identity typed), each call, the quotient read and its source
        assertThat(export.at("/quotientCaf/accord/0/accepted_at").asText()).isNotEmpty();
        assertThat(export.at("/quotientCaf/accord/0/birth_name").asText()).isEqualTo(owner.name());
        assertThat(export.at("/quotientCaf/lectures/0/provider").asText()).isEqualTo("MSA");
        assertThat(export.at("/quotientCaf/lectures/0/value").asInt()).isEqualTo(432);
        assertThat(export.at("/dossier/quotientsFamiliaux")).anySatisfy(q -> {
            assertThat(q.get("value").asInt()).isEqualTo(432);
            assertThat(q.get("source").asText()).isEqualTo("API Particulier (MSA)");
        });
        // FranceConnect: the identity claims kept with the link
        assertThat(export.at("/franceconnect/liaison/0/birthdate").asText()).isEqualTo("1984-07-09");
        assertThat(export.at("/franceconnect/liaison/0/family_name").asText()).isEqualTo(owner.name());
        assertThat(export.at("/franceconnect/liaison/0/linked_at").asText()).isNotEmpty();

        // nothing of the other family
        assertThat(download.body()).doesNotContain(other.name()).doesNotContain(other.username()).doesNotContain(theirs.orderId())
                .doesNotContain("1979-02-28");
        assertThat(export.at("/messagerie/messages").size()).isEqualTo(1);
    }

    /** A consent to API Particulier, a call and the quotient it read; the account linked to FranceConnect with these claims. */
    private void readFromTheState(SecurityFamilies.Family family, String provider, int value, String birthdate) {
        jdbc.update("""
                insert into quotient_consent (family_file_id, accepted_at, accepted_by, birth_name, first_names, sex, birth_date,
                    birth_commune, birth_country) values (?, now(), ?, ?, 'ALEX', 'F', ?::date, '59350', '99100')""",
                family.fileId(), family.username(), family.name(), birthdate);
        jdbc.update("""
                insert into quotient_fetch (family_file_id, fetched_at, outcome, provider, value, reference_year, reference_month,
                    applies_from, identity_source) values (?, now(), 'FOUND', ?, ?, 2026, 11, date '2026-12-01', 'DOSSIER')""",
                family.fileId(), provider, value);
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, source) values (?, ?, date '2026-12-01', ?)",
                family.fileId(), value, "API Particulier (" + provider + ")");
        jdbc.update("""
                insert into franceconnect_link (account_id, issuer, subject, given_name, family_name, birthdate, gender, birthplace,
                    birthcountry, email, linked_at)
                select account_id, 'http://fc', ?, 'Alex', name, ?, 'female', '59350', '99100', ?, now() from family_file where id = ?""",
                "fc-" + family.username(), birthdate, family.username() + "@example.org", family.fileId());
    }

    @Test
    void theExportNeedsALogin() {
        assertThat(session().get("/dossier/export").isRedirectTo("/connexion")).isTrue();
    }
}
