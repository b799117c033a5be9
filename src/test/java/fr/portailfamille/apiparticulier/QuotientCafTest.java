package fr.portailfamille.apiparticulier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The quotient familial read from API Particulier, against the WireMock fake speaking the published API:
 * the family's consent (with its date) makes the first call at once; a value found is stored from the month
 * the town's rule says and the quotient running until then is kept; every other answer (no file, several
 * people, provider down, too slow) stores nothing and tells the family in French to send its attestation;
 * a revoked consent makes no call at all; FranceConnect's identity is used when the account is linked.
 */
class QuotientCafTest extends PortalIntegrationTest {

    private static final String PASSWORD = "Quotient-Caf-Test-2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

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

    record Family(long fileId, long accountId, String username, String name) {}

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
    void theMsaIsStoredAsTheProvider() {
        Family family = family("AGRICOLE");
        WebSession browser = signedIn(family);
        WebSession.Page done = browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]",
                identity("AGRICOLE")));
        assertThat(done.text()).contains("Votre quotient familial de 150 € est enregistré");
        assertThat(jdbc.queryForObject("select source from quotient_familial where family_file_id = ?", String.class, family.fileId()))
                .isEqualTo("API Particulier (MSA)");
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

        assertThat(fetches.fetch(family.fileId(), null).result()).isEqualTo(QuotientCafRecords.Result.NO_CONSENT);
        assertThat(callsFor(family.name())).as("no call after the consent was withdrawn").hasSize(1);
    }

    @Test
    void aFranceConnectFamilyIsAskedForWithTheCertifiedIdentity() {
        Family family = family();
        jdbc.update("""
                insert into franceconnect_link (account_id, issuer, subject, given_name, family_name, birthdate, gender, birthplace,
                    birthcountry, email, linked_at) values (?, 'http://fc', ?, 'Camille Anne', ?, '1984-07-09', 'female', '59350', '99100',
                    'x@example.org', now())""", family.accountId(), "fc-" + family.username(), family.name());
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
        return api.server().findAll(getRequestedFor(urlPathEqualTo(QuotientApi.PATH)).withQueryParam("nomNaissance", equalTo(birthName)));
    }

    private static Map<String, String> identity(String birthName) {
        Map<String, String> fields = new HashMap<>();
        fields.put("accept", "true");
        fields.put("birthName", birthName);
        fields.put("firstNames", "CAMILLE ANNE");
        fields.put("sex", "F");
        fields.put("birthDate", "1984-07-09");
        fields.put("birthCommune", "59350");
        fields.put("birthCountry", "99100");
        return fields;
    }

    private WebSession signedIn(Family family) {
        WebSession browser = session();
        browser.login(family.username(), PASSWORD);
        return browser;
    }

    private Family family() {
        return family(null);
    }

    /** A family file of the test's own with an active account; the file's name is also the allocataire's birth name asked. */
    private Family family(String name) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
        String fileName = name != null ? name : "QF" + suffix.toUpperCase();
        String username = "qf" + suffix;
        Long accountId = jdbc.queryForObject("insert into portal_account (username, email, password_hash, status, civility, last_name, "
                + "first_name, activated_at) values (?, ?, ?, 'ACTIVE', 'Mme', ?, 'Camille', now()) returning id",
                Long.class, username, username + "@example.org", encoder.encode(PASSWORD), fileName);
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city, account_id) values (?, ?, 'Belcourt', ?) returning id",
                Long.class, "7" + suffix, fileName, accountId);
        jdbc.update("insert into guardian (family_file_id, position, civility, last_name, first_name, email) values (?, 1, 'Mme', ?, 'Camille', ?)",
                fileId, fileName, username + "@example.org");
        return new Family(fileId, accountId, username, fileName);
    }
}
