package fr.portailfamille.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.portailfamille.apiparticulier.QuotientFamilies.Family;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.Regime;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The quotient familial read from API Particulier, against the WireMock fake speaking the published API:
 * the family's consent (with its date) makes the first call at once; a value found is stored from the month
 * the town's rule says, the quotient running until then is kept, and its provider (CAF or MSA) becomes the
 * family's scheme; every other answer (no file, several
 * people, provider down, too slow) stores nothing and tells the family in French to send its attestation;
 * a revoked consent makes no call at all; FranceConnect's identity is used when the account is linked.
 */
class QuotientCafTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiParticulierSimulator api;
    @Autowired
    QuotientFetches fetches;
    @Autowired
    Clock clock;
    @Autowired
    FamilyFiles familyFiles;

    private QuotientFamilies families;

    @BeforeEach
    void fixtures() {
        families = new QuotientFamilies(jdbc, encoder);
    }

    @Test
    void theConsentFetchesTheQuotientAndStoresItFromNextMonthKeepingTheOneBefore() {
        Family family = family();
        jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, source) values (?, 700, '2026-01-01', 'CAF')",
                family.fileId());
        WebSession browser = signedIn(family);
        WebSession.Page page = browser.get("/dossier/quotient-caf");
        assertThat(page.text()).contains("Quotient familial CAF / MSA").contains("Quotient familial : 700 €");
        assertThat(page.doc().select("label[for=accept]").text())
                .isEqualTo("J'accepte que la commune obtienne mon quotient familial auprès de la CAF ou de la MSA");

        WebSession.Page done = browser.follow(browser.submit(page, "form[action$=/dossier/quotient-caf]", identity(family.name())));
        LocalDate from = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
        assertThat(done.text()).contains("Votre quotient familial de 920 € est enregistré : il s'applique à partir du "
                + String.format("%02d/%02d/%d", from.getDayOfMonth(), from.getMonthValue(), from.getYear()))
                .contains("Vous avez accepté le").contains("Retirer mon accord")
                .contains("Dernière lecture auprès de la CAF").contains("quotient de novembre 2026");

        List<Map<String, Object>> quotients = jdbc.queryForList(
                "select value, valid_from, valid_to, source from quotient_familial where family_file_id = ? order by valid_from", family.fileId());
        assertThat(quotients).hasSize(2);
        assertThat(quotients.get(0)).containsEntry("value", 700).containsEntry("valid_to", java.sql.Date.valueOf(from.minusDays(1)));
        assertThat(quotients.get(1)).containsEntry("value", 920).containsEntry("valid_from", java.sql.Date.valueOf(from))
                .containsEntry("source", "API Particulier (CAF)");
        assertThat(jdbc.queryForMap("select outcome, provider, value, reference_year, reference_month, identity_source from quotient_fetch where family_file_id = ?",
                family.fileId())).containsEntry("outcome", "FOUND").containsEntry("provider", "CAF").containsEntry("value", 920)
                .containsEntry("reference_year", 2026).containsEntry("reference_month", 11).containsEntry("identity_source", "DOSSIER");
        assertThat(jdbc.queryForObject("select accepted_at is not null and revoked_at is null from quotient_consent where family_file_id = ?",
                Boolean.class, family.fileId())).isTrue();
        assertThat(familyFiles.regimes(List.of(family.fileId()))).as("a quotient of the CAF: the family is CAF")
                .containsEntry(family.fileId(), Regime.CAF);

        // the call as the published API wants it: token, recipient, the identity's parameters
        LoggedRequest call = callsFor(family.name()).get(0);
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + ApiParticulierSimulator.TOKEN);
        assertThat(call.queryParameter("recipient").firstValue()).hasSize(14);
        assertThat(call.queryParameter("prenoms[]").values()).containsExactly("CAMILLE", "ANNE");
        assertThat(call.queryParameter("sexeEtatCivil").firstValue()).isEqualTo("F");
        assertThat(call.queryParameter("anneeDateNaissance").firstValue()).isEqualTo("1984");
        assertThat(call.queryParameter("moisDateNaissance").firstValue()).isEqualTo("7");
        assertThat(call.queryParameter("jourDateNaissance").firstValue()).isEqualTo("9");
        assertThat(call.queryParameter("codeCogInseeCommuneNaissance").firstValue()).isEqualTo("59350");
        assertThat(call.queryParameter("codeCogInseePaysNaissance").firstValue()).isEqualTo("99100");

        // asked again with the same answer: nothing changes, nothing is duplicated
        assertThat(fetches.fetch(family.fileId(), null).result()).isEqualTo(QuotientCafRecords.Result.UNCHANGED);
        assertThat(jdbc.queryForObject("select count(*) from quotient_familial where family_file_id = ?", Long.class, family.fileId())).isEqualTo(2);
    }

    @Test
    void theMsaIsStoredAsTheProviderAndMakesTheFamilyMsa() {
        Family family = family("AGRICOLE");
        // the Guichet Unique had read a CAF certificate: the MSA's answer is the newer word
        jdbc.update("update family_file set regime = 'CAF' where id = ?", family.fileId());
        WebSession browser = signedIn(family);
        WebSession.Page done = browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]",
                identity("AGRICOLE")));
        assertThat(done.text()).contains("Votre quotient familial de 150 € est enregistré");
        assertThat(jdbc.queryForObject("select source from quotient_familial where family_file_id = ?", String.class, family.fileId()))
                .isEqualTo("API Particulier (MSA)");
        // the scheme the CAF report counts the family under, read as the report reads it
        assertThat(familyFiles.regimes(List.of(family.fileId()))).containsEntry(family.fileId(), Regime.MSA);
        assertThat(browser.get("/dossier").doc().select("#famille ~ dl.facts").text()).contains("Régime allocataire MSA");
        assertThat(jdbc.queryForMap("select changed_by, old_value, new_value from contact_change where family_file_id = ? and field = 'régime'",
                family.fileId())).containsEntry("changed_by", "API Particulier").containsEntry("old_value", "CAF")
                .containsEntry("new_value", "MSA");

        // asked again, the same answer: the scheme stays, nothing more in the file's history
        assertThat(fetches.fetch(family.fileId(), null).result()).isEqualTo(QuotientCafRecords.Result.UNCHANGED);
        assertThat(jdbc.queryForObject("select count(*) from contact_change where family_file_id = ? and field = 'régime'",
                Long.class, family.fileId())).isEqualTo(1);
    }

    @Test
    void noAnswerLeavesTheSchemeAsItWas() {
        Family family = family("INCONNU");
        jdbc.update("update family_file set regime = 'AUTRE' where id = ?", family.fileId());
        WebSession browser = signedIn(family);
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]", identity("INCONNU")));
        assertThat(familyFiles.regimes(List.of(family.fileId()))).containsEntry(family.fileId(), Regime.AUTRE);
    }

    @Test
    void noFileSeveralPeopleOrTheProviderDownStoreNothingAndSendTheFamilyToTheUpload() {
        for (Map.Entry<String, String> kind : Map.of(
                "INCONNU", "La CAF et la MSA n'ont trouvé aucun dossier allocataire à cette identité.",
                "HOMONYME", "Plusieurs personnes correspondent à cette identité",
                "INDISPONIBLE", "Le service de la CAF et de la MSA ne répond pas pour le moment.",
                "LENTEUR", "Le service de la CAF et de la MSA ne répond pas pour le moment.").entrySet()) {
            Family family = family(kind.getKey());
            jdbc.update("insert into quotient_familial (family_file_id, value, valid_from, source) values (?, 640, '2026-01-01', 'CAF')",
                    family.fileId());
            WebSession browser = signedIn(family);
            WebSession.Page answer = browser.follow(browser.submit(browser.get("/dossier/quotient-caf"),
                    "form[action$=/dossier/quotient-caf]", identity(kind.getKey())));
            assertThat(answer.doc().select("#sans-reponse").text()).as(kind.getKey()).contains(kind.getValue())
                    .contains("« Documents »").contains("Votre quotient déjà enregistré reste appliqué");
            assertThat(answer.doc().select("#sans-reponse a").attr("href")).isEqualTo("/dossier/documents");
            assertThat(jdbc.queryForList("select value, valid_to from quotient_familial where family_file_id = ?", family.fileId()))
                    .as("nothing stored is lost").containsExactly(row(640));
            String outcome = jdbc.queryForObject("select outcome from quotient_fetch where family_file_id = ?", String.class, family.fileId());
            assertThat(outcome).isEqualTo(switch (kind.getKey()) {
                case "INCONNU" -> "NOT_FOUND";
                case "HOMONYME" -> "AMBIGUOUS";
                default -> "UNAVAILABLE";
            });
        }
    }

    @Test
    void aRevokedConsentMakesNoCallEver() {
        Family family = family();
        WebSession browser = signedIn(family);
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]", identity(family.name())));
        assertThat(callsFor(family.name())).hasSize(1);

        WebSession.Page revoked = browser.follow(browser.submit(browser.get("/dossier/quotient-caf"),
                "form[action$=/dossier/quotient-caf/retrait]", Map.of()));
        assertThat(revoked.text()).contains("Votre accord est retiré").contains("Vous avez retiré votre accord le");
        assertThat(jdbc.queryForMap("select revoked_at is not null as revoked, birth_name from quotient_consent where family_file_id = ?",
                family.fileId())).containsEntry("revoked", true).containsEntry("birth_name", null);

        // from now on the fake API must receive nothing for this family: its journal of this family's calls emptied, then checked
        api.server().removeServeEventsMatching(QuotientFamilies.callsFor(family.name()).build());
        assertThat(fetches.fetch(family.fileId(), null).result()).isEqualTo(QuotientCafRecords.Result.NO_CONSENT);
        WebSession.Page page = browser.get("/dossier/quotient-caf");
        assertThat(page.doc().select("form[action$=/dossier/quotient-caf/retrait]")).as("nothing left to withdraw").isEmpty();
        api.server().verify(0, QuotientFamilies.callsFor(family.name()));
        assertThat(jdbc.queryForObject("select count(*) from quotient_fetch where family_file_id = ?", Long.class, family.fileId()))
                .as("no call recorded after the withdrawal").isEqualTo(1);
    }

    @Test
    void aFranceConnectFamilyIsAskedForWithTheCertifiedIdentity() {
        Family family = family();
        families.linkFranceConnect(family);
        WebSession browser = signedIn(family);
        WebSession.Page page = browser.get("/dossier/quotient-caf");
        assertThat(page.text()).contains("la CAF ou la MSA est interrogée avec l'identité que FranceConnect a certifiée");
        assertThat(page.doc().select("#birthName")).isEmpty();
        WebSession.Page done = browser.follow(browser.submit(page, "form[action$=/dossier/quotient-caf]", Map.of("accept", "true")));
        assertThat(done.text()).contains("Votre quotient familial de 920 € est enregistré");
        LoggedRequest call = callsFor(family.name()).get(0);
        assertThat(call.queryParameter("prenoms[]").values()).containsExactly("Camille", "Anne");
        assertThat(call.queryParameter("codeCogInseeCommuneNaissance").firstValue()).isEqualTo("59350");
        assertThat(jdbc.queryForObject("select identity_source from quotient_fetch where family_file_id = ?", String.class, family.fileId()))
                .isEqualTo("FRANCECONNECT");
        assertThat(jdbc.queryForObject("select birth_name from quotient_consent where family_file_id = ?", String.class, family.fileId()))
                .as("nothing of the FranceConnect identity copied").isNull();
    }

    @Test
    void badInputGetsFrenchMessagesAndNoCall() {
        Family family = family();
        WebSession browser = signedIn(family);
        WebSession.Page page = browser.get("/dossier/quotient-caf");
        Map<String, String> fields = identity(family.name());
        fields.put("accept", null);
        WebSession.Page refused = browser.submit(page, "form[action$=/dossier/quotient-caf]", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#accept-erreur").text()).startsWith("Pour que la commune obtienne votre quotient familial, cochez");

        fields = identity(family.name());
        fields.put("birthCommune", "59 350 Lille");
        fields.put("birthDate", "9999-99-99");
        fields.put("sex", "X");
        fields.put("firstNames", "");
        refused = browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#birthCommune-erreur").text()).startsWith("Saisissez le code INSEE de la commune de naissance");
        assertThat(refused.doc().select("#birthDate-erreur").text()).startsWith("Saisissez la date de naissance de l'allocataire");
        assertThat(refused.doc().select("#sex-erreur").text()).isEqualTo("Choisissez le sexe indiqué à l'état civil.");
        assertThat(refused.doc().select("#firstNames-erreur").text()).isEqualTo("Saisissez le ou les prénoms de l'allocataire.");
        assertThat(callsFor(family.name())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from quotient_consent where family_file_id = ?", Long.class, family.fileId())).isZero();
    }

    @Test
    void aFamilySeesOnlyItsOwnConsentAndTheExportHoldsIt() {
        Family first = family();
        Family second = family();
        WebSession browser = signedIn(first);
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]", identity(first.name())));
        WebSession other = signedIn(second);
        assertThat(other.get("/dossier/quotient-caf").text()).doesNotContain("Vous avez accepté").doesNotContain("920 €");

        String export = browser.get("/dossier/export").body();
        assertThat(export).contains("\"quotientCaf\"").contains("\"accord\"").contains("\"lectures\"").contains("FOUND")
                .contains(first.name());
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> row(int value) {
        Map<String, Object> row = new HashMap<>();
        row.put("value", value);
        row.put("valid_to", null);
        return row;
    }

    private List<LoggedRequest> callsFor(String birthName) {
        return api.server().findAll(QuotientFamilies.callsFor(birthName));
    }

    private static Map<String, String> identity(String birthName) {
        return QuotientFamilies.identity(birthName);
    }

    private WebSession signedIn(Family family) {
        WebSession browser = session();
        browser.login(family.username(), QuotientFamilies.PASSWORD);
        return browser;
    }

    private Family family() {
        return families.family();
    }

    private Family family(String name) {
        return families.family(name);
    }
}
