package fr.portailfamille.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.apiparticulier.QuotientFamilies.Family;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.system.retention.RetentionJob;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The retention policy of API Particulier's and FranceConnect's data, on real PostgreSQL with the nightly
 * purge ({@link RetentionJob}) and the family's own pages: a withdrawn consent loses the identity typed for
 * it at once and keeps its dates two years; the calls and the yearly report's lines go two years after; a
 * standing consent and the quotients read are never purged. FranceConnect's identity claims live exactly as
 * long as the link: the purge never touches a standing link, « Délier » erases them (and API Particulier is
 * then never asked with them), the account's deletion takes them along.
 */
class ApiParticulierRetentionTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    RetentionJob purge;
    @Autowired
    QuotientFetches fetches;
    @Autowired
    ApiParticulierSimulator api;
    @Autowired
    Clock clock;

    private QuotientFamilies families;

    @BeforeEach
    void fixtures() {
        families = new QuotientFamilies(jdbc, encoder);
    }

    @Test
    void aWithdrawnConsentKeepsOnlyItsDatesForTwoYears_thenItAndTheCallsGo_theQuotientStays() {
        Family family = families.family();
        WebSession browser = session();
        browser.login(family.username(), QuotientFamilies.PASSWORD);
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]",
                QuotientFamilies.identity(family.name())));
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf/retrait]", Map.of()));

        // at the withdrawal: the identity typed for the consent is erased, its dates kept as evidence
        assertThat(jdbc.queryForMap("""
                select accepted_at is not null as accepted, revoked_at is not null as revoked,
                    coalesce(birth_name, first_names, sex, birth_date::text, birth_commune, birth_country) as identity
                from quotient_consent where family_file_id = ?""", family.fileId()))
                .containsEntry("accepted", true).containsEntry("revoked", true).containsEntry("identity", null);
        purge.run().orElseThrow();
        assertThat(count("quotient_consent", family.fileId())).as("withdrawn yesterday: its dates kept").isEqualTo(1);
        assertThat(count("quotient_fetch", family.fileId())).as("the call kept").isEqualTo(1);

        // two years and a month later
        jdbc.update("update quotient_consent set accepted_at = accepted_at - interval '25 months', revoked_at = revoked_at - interval '25 months' "
                + "where family_file_id = ?", family.fileId());
        jdbc.update("update quotient_fetch set fetched_at = fetched_at - interval '25 months' where family_file_id = ?", family.fileId());
        Map<String, Integer> purged = purge.run().orElseThrow();

        assertThat(purged).containsKeys("api-particulier.lectures", "api-particulier.accords-retires", "api-particulier.actualisations");
        assertThat(count("quotient_consent", family.fileId())).isZero();
        assertThat(count("quotient_fetch", family.fileId())).isZero();
        assertThat(jdbc.queryForObject("select source from quotient_familial where family_file_id = ?", String.class, family.fileId()))
                .as("the quotient read stays in the family's quotients").isEqualTo("API Particulier (CAF)");
        assertThat(jdbc.queryForObject("select regime from family_file where id = ?", String.class, family.fileId())).isEqualTo("CAF");
        assertThat(purge.run().orElseThrow()).as("a second run finds nothing of it")
                .containsEntry("api-particulier.accords-retires", 0).containsEntry("api-particulier.actualisations", 0);
    }

    @Test
    void callsAndReportLinesGoAfterTwoYears_aStandingConsentNever() {
        Family family = families.family();
        int year = LocalDate.now(clock).getYear();
        jdbc.update("""
                insert into quotient_consent (family_file_id, accepted_at, accepted_by, birth_name, first_names, sex, birth_date,
                    birth_commune, birth_country) values (?, now() - interval '5 years', 'test', ?, 'CAMILLE', 'F', '1984-07-09', '59350', '99100')""",
                family.fileId(), family.name());
        long oldCall = call(family, "25 months");
        long recentCall = call(family, "23 months");
        // the lines of the family in three yearly reports: asked 25 and 23 months ago, and one never asked three years ago
        jdbc.update("insert into quotient_refresh_item (refresh_year, family_file_id, done_at, outcome, value_before, value_after) "
                + "values (?, ?, now() - interval '25 months', 'FOUND', 700, 920)", year - 2, family.fileId());
        jdbc.update("insert into quotient_refresh_item (refresh_year, family_file_id, done_at, outcome, value_before, value_after) "
                + "values (?, ?, now() - interval '23 months', 'FOUND', 920, 920)", year - 1, family.fileId());
        jdbc.update("insert into quotient_refresh_item (refresh_year, family_file_id) values (?, ?)", year - 3, family.fileId());
        // and a consent withdrawn 23 months ago, of another family: still kept
        Family other = families.family();
        jdbc.update("insert into quotient_consent (family_file_id, accepted_at, accepted_by, revoked_at) "
                + "values (?, now() - interval '4 years', 'test', now() - interval '23 months')", other.fileId());

        purge.run().orElseThrow();

        assertThat(jdbc.queryForList("select id from quotient_fetch where family_file_id = ?", Long.class, family.fileId()))
                .containsExactly(recentCall).doesNotContain(oldCall);
        assertThat(jdbc.queryForList("select refresh_year from quotient_refresh_item where family_file_id = ?", Integer.class, family.fileId()))
                .as("the line asked 23 months ago only").containsExactly(year - 1);
        assertThat(jdbc.queryForObject("select birth_name from quotient_consent where family_file_id = ? and revoked_at is null",
                String.class, family.fileId())).as("a standing consent, five years old, stays whole").isEqualTo(family.name());
        assertThat(count("quotient_consent", other.fileId())).as("withdrawn 23 months ago: kept").isEqualTo(1);
    }

    @Test
    void franceConnectClaimsLiveAsLongAsTheLink() {
        Family family = families.family();
        families.linkFranceConnect(family);
        jdbc.update("update franceconnect_link set linked_at = now() - interval '5 years' where account_id = ?", family.accountId());
        WebSession browser = session();
        browser.login(family.username(), QuotientFamilies.PASSWORD);
        browser.follow(browser.submit(browser.get("/dossier/quotient-caf"), "form[action$=/dossier/quotient-caf]", Map.of("accept", "true")));
        assertThat(jdbc.queryForObject("select identity_source from quotient_fetch where family_file_id = ?", String.class, family.fileId()))
                .isEqualTo("FRANCECONNECT");

        purge.run().orElseThrow();
        assertThat(linkOf(family.accountId())).as("a standing link, five years old, is never purged").isEqualTo(1);

        WebSession.Page unlinked = browser.follow(browser.submit(browser.get("/compte/franceconnect"),
                "form[action$=/compte/franceconnect/delier]", Map.of()));
        assertThat(unlinked.text()).contains("les informations d'identité reçues de FranceConnect ont été effacées");
        assertThat(linkOf(family.accountId())).as("« Délier »: the claims erased").isZero();
        assertThat(browser.get("/dossier/export").body()).as("nothing of them left in the export")
                .doesNotContain("1984-07-09").doesNotContain("Camille Anne");

        // the consent stands, but the claims are gone: API Particulier is never asked with them again
        api.server().removeServeEventsMatching(QuotientFamilies.callsFor(family.name()).build());
        assertThat(fetches.fetch(family.fileId(), null).result()).isEqualTo(QuotientCafRecords.Result.NO_IDENTITY);
        api.server().verify(0, QuotientFamilies.callsFor(family.name()));
        assertThat(browser.get("/dossier/quotient-caf").doc().select("#sans-identite").text())
                .as("the family is told how to give its consent again").contains("Retirez votre accord puis donnez-le de nouveau");
        assertThat(jdbc.queryForObject("select birth_name from quotient_consent where family_file_id = ?", String.class, family.fileId()))
                .as("nothing of FranceConnect's identity was copied with the consent").isNull();

        // an account deleted (a sign-up never activated is purged after 24 hours) takes its link along
        Long account = jdbc.queryForObject("insert into portal_account (username, email, password_hash, status, last_name, first_name) "
                + "values (?, ?, 'x', 'PENDING', 'SUPPRIME', 'Paul') returning id", Long.class, family.username() + "p",
                family.username() + "p@example.org");
        jdbc.update("insert into franceconnect_link (account_id, issuer, subject, given_name, family_name, linked_at) "
                + "values (?, 'http://fc', ?, 'Paul', 'SUPPRIME', now())", account, "fc-suppr-" + account);
        jdbc.update("delete from portal_account where id = ?", account);
        assertThat(linkOf(account)).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private long call(Family family, String age) {
        return jdbc.queryForObject("""
                insert into quotient_fetch (family_file_id, fetched_at, outcome, provider, value, reference_year, reference_month,
                    applies_from, identity_source) values (?, now() - interval '%s', 'FOUND', 'CAF', 920, 2024, 11, current_date, 'DOSSIER')
                returning id""".formatted(age), Long.class, family.fileId());
    }

    private long count(String table, long familyFileId) {
        return jdbc.queryForObject("select count(*) from " + table + " where family_file_id = ?", Long.class, familyFileId);
    }

    private long linkOf(long accountId) {
        return jdbc.queryForObject("select count(*) from franceconnect_link where account_id = ?", Long.class, accountId);
    }
}
