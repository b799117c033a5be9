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
        // the owner's direct debit: a revoked mandate, the live one (its account changed once) and a debit the bank rejected
        String revokedRum = mandate(owner, "REVOQUE", "FR7699999000010000000000115", null);
        String rum = mandate(owner, "ACTIF", "FR7630006000011234567890189", "FR7699999000010000000000212");
        String theirRum = mandate(other, "ACTIF", "FR7699999000010000000000309", null);
        jdbc.update("""
                insert into debit_mandate_event (mandate_id, kind, at, by_whom, detail)
                select id, 'MODIFIE', now(), 'famille', 'IBAN **** 0189' from debit_mandate where rum = ?""", rum);
        long batch = jdbc.queryForObject("""
                insert into debit_batch (month, business_key, collection_date, state, created_at) values ('2198-02', 'PRLV-2198-02', date '2198-03-10',
                'TRANSMIS', now()) on conflict (month) do update set state = excluded.state returning id""", Long.class);
        String endToEnd = "PRLV-2198-02-" + mine.invoiceId();
        jdbc.update("""
                insert into debit_transaction (batch_id, invoice_id, invoice_number, family_file_id, mandate_id, end_to_end_id, amount, state,
                    reject_code, reject_reason, rejected_at, created_at)
                select ?, ?, 'F-EXPORT', ?, id, ?, 12.00, 'REJETE', 'AM04', 'provision insuffisante', now(), now() from debit_mandate where rum = ?""",
                batch, mine.invoiceId(), owner.fileId(), endToEnd, rum);
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

        assertThat(export.at("/prelevement/mandats")).extracting(m -> m.get("rum").asText()).containsExactly(revokedRum, rum);
        assertThat(export.at("/prelevement/mandats/1/iban").asText()).isEqualTo("***********************0189");
        assertThat(export.at("/prelevement/mandats/1/iban_avant_modification").asText()).isEqualTo("***********************0212");
        assertThat(export.at("/prelevement/mandats/1/titulaire").asText()).isEqualTo("Alex " + owner.name());
        assertThat(export.at("/prelevement/mandats/0/etat").asText()).isEqualTo("REVOQUE");
        assertThat(export.at("/prelevement/historique_mandats/0/detail").asText()).isEqualTo("IBAN **** 0189");
        assertThat(export.at("/prelevement/prelevements/0/reference").asText()).isEqualTo(endToEnd);
        assertThat(export.at("/prelevement/prelevements/0/motif_rejet").asText()).isEqualTo("provision insuffisante");
        assertThat(export.at("/prelevement/prelevements/0/date_prelevement").asText()).isEqualTo("2198-03-10");
        assertThat(download.body()).as("IBANs masked but their last four characters")
                .doesNotContain("FR7630006000011234567890189", "1234567890189", "0000000000212", "0000000000115");

        // nothing of the other family
        assertThat(download.body()).doesNotContain(theirRum).doesNotContain("0000000000309");
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

    /** A mandate of the family, signed online by « Alex NAME », in that state; the account it replaced, if any. */
    private String mandate(SecurityFamilies.Family family, String state, String iban, String originalIban) {
        return jdbc.queryForObject("""
                insert into debit_mandate (family_file_id, rum, holder, iban, original_iban, signed_on, channel, state, created_at, closed_at)
                values (?, 'PF-EXPORT-' || nextval('debit_mandate_number'), ?, ?, ?, current_date - 40, 'EN_LIGNE', ?, now(),
                        case when ? = 'REVOQUE' then now() end) returning rum""",
                String.class, family.fileId(), "Alex " + family.name(), iban, originalIban, state, state);
    }

    @Test
    void theExportNeedsALogin() {
        assertThat(session().get("/dossier/export").isRedirectTo("/connexion")).isTrue();
    }
}
