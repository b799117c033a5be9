package fr.portailfamille.apiparticulier;

import fr.portailfamille.apiparticulier.QuotientCafRecords.Consent;
import fr.portailfamille.apiparticulier.QuotientCafRecords.Fetched;
import fr.portailfamille.apiparticulier.QuotientCafRecords.LastFetch;
import fr.portailfamille.apiparticulier.QuotientCafRecords.Result;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.QuotientFamilial;
import fr.portailfamille.family.Regime;
import fr.portailfamille.family.StaffFamilyFiles;
import fr.portailfamille.franceconnect.FranceConnectIdentities;
import fr.portailfamille.franceconnect.FranceConnectIdentities.PivotIdentity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks API Particulier for a family's quotient familial — only while its consent stands — with the
 * identity FranceConnect certified when the family's account is linked, otherwise the allocataire's
 * identity the family typed; records the call, and stores a value found as the family's quotient
 * familial from the month the town's rule says, and the provider that answered as the family's scheme
 * (« régime »: a quotient of the MSA makes the family MSA for the CAF report). Any other answer stores
 * nothing and changes nothing: the family sends its attestation as before. The call is made outside any
 * transaction; what it brings is written in one.
 */
@Service
class QuotientFetches {

    static final String SOURCE = "API Particulier";

    private final ApiParticulier apiParticulier;
    private final QuotientConsents consents;
    private final FranceConnectIdentities franceConnect;
    private final FamilyFiles families;
    private final StaffFamilyFiles schemes;
    private final ApiParticulierProperties settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate writes;
    private final Clock clock;

    QuotientFetches(ApiParticulier apiParticulier, QuotientConsents consents, FranceConnectIdentities franceConnect,
            FamilyFiles families, StaffFamilyFiles schemes, ApiParticulierProperties settings, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.apiParticulier = apiParticulier;
        this.consents = consents;
        this.franceConnect = franceConnect;
        this.families = families;
        this.schemes = schemes;
        this.settings = settings;
        this.jdbc = jdbc;
        this.writes = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The first day the quotient read today applies from (the town's rule: next month, or this month). */
    LocalDate appliesFrom() {
        LocalDate today = LocalDate.now(clock);
        return settings.fromNextMonth() ? today.withDayOfMonth(1).plusMonths(1) : today.withDayOfMonth(1);
    }

    /** The identity FranceConnect certified for the family's account, while it is linked (complete enough to ask with). */
    Optional<AllocataireIdentity> franceConnectIdentity(long familyFileId) {
        return franceConnect.ofFamilyFile(familyFileId).flatMap(QuotientFetches::pivot);
    }

    /** The identity API Particulier is asked with: FranceConnect's when linked, else the one typed with the consent. */
    Optional<AllocataireIdentity> identityOf(long familyFileId) {
        Optional<AllocataireIdentity> certified = franceConnectIdentity(familyFileId);
        if (certified.isPresent()) {
            return certified;
        }
        return consents.of(familyFileId).filter(Consent::active).flatMap(Consent::typedIdentity);
    }

    Fetched fetch(long familyFileId, Integer refreshYear) {
        Optional<QuotientApi> api = apiParticulier.api();
        if (api.isEmpty()) {
            return new Fetched(Result.OFF, null, null, null);
        }
        if (!consents.active(familyFileId)) {
            return new Fetched(Result.NO_CONSENT, null, null, null);
        }
        Optional<AllocataireIdentity> who = identityOf(familyFileId);
        if (who.isEmpty()) {
            return new Fetched(Result.NO_IDENTITY, null, null, null);
        }
        QuotientAnswer answer = api.get().ask(who.get());
        return writes.execute(status -> store(familyFileId, answer, who.get().source(), refreshYear));
    }

    /** The call recorded; a quotient found stored from the town's month, and its provider made the family's scheme. */
    private Fetched store(long familyFileId, QuotientAnswer answer, AllocataireIdentity.Source identity, Integer refreshYear) {
        LocalDate from = appliesFrom();
        Integer before = families.quotientFamilial(familyFileId, from).map(QuotientFamilial::value).orElse(null);
        record(familyFileId, answer, identity, from, refreshYear);
        if (!(answer instanceof QuotientAnswer.Found found)) {
            return new Fetched(Result.valueOf(answer.outcome().name()), before, before, null);
        }
        schemes.changeRegime(familyFileId, Regime.valueOf(found.provider()), SOURCE);
        String source = SOURCE + " (" + found.provider() + ")";
        Optional<QuotientFamilial> running = families.quotientFamilial(familyFileId, from);
        if (running.filter(q -> q.value() == found.value() && source.equals(q.source())).isPresent()) {
            return new Fetched(Result.UNCHANGED, before, before, running.get().validFrom());
        }
        families.recordQuotient(familyFileId, new QuotientFamilial(found.value(), from, null, source), SOURCE);
        return new Fetched(Result.FOUND, before, found.value(), from);
    }

    Optional<LastFetch> last(long familyFileId) {
        return jdbc.sql("""
                select fetched_at, outcome, provider, value, reference_year, reference_month, applies_from
                from quotient_fetch where family_file_id = ? order by fetched_at desc, id desc limit 1""")
                .param(familyFileId).query(LastFetch.class).optional();
    }

    private void record(long familyFileId, QuotientAnswer answer, AllocataireIdentity.Source identity, LocalDate from,
            Integer refreshYear) {
        QuotientAnswer.Found found = answer instanceof QuotientAnswer.Found f ? f : null;
        jdbc.sql("""
                insert into quotient_fetch (family_file_id, fetched_at, outcome, provider, value, reference_year, reference_month,
                    applies_from, identity_source, refresh_year)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(familyFileId, clock.instant().atOffset(ZoneOffset.UTC), answer.outcome().name(),
                        found == null ? null : found.provider(), found == null ? null : found.value(),
                        found == null ? null : found.year(), found == null ? null : found.month(),
                        found == null ? null : from, identity.name(), refreshYear)
                .update();
    }

    /** FranceConnect's claims as API Particulier's parameters; none when a claim it needs is missing. */
    static Optional<AllocataireIdentity> pivot(PivotIdentity claims) {
        String sex = "female".equals(claims.gender()) ? "F" : "male".equals(claims.gender()) ? "M" : null;
        if (claims.familyName() == null || claims.givenName() == null || sex == null) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = claims.birthdate() == null ? null : LocalDate.parse(claims.birthdate());
        } catch (DateTimeParseException partial) {
            birth = null;
        }
        List<String> firstNames = Arrays.stream(claims.givenName().trim().split("\\s+")).toList();
        String country = claims.birthcountry() == null || claims.birthcountry().isBlank() ? null : claims.birthcountry();
        String commune = "99100".equals(country) && claims.birthplace() != null && !claims.birthplace().isBlank()
                ? claims.birthplace() : null;
        return Optional.of(new AllocataireIdentity(claims.familyName(), firstNames, sex, birth, commune, country,
                AllocataireIdentity.Source.FRANCECONNECT));
    }
}
