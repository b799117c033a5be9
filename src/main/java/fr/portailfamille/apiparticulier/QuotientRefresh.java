package fr.portailfamille.apiparticulier;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.TariffLine;
import fr.portailfamille.apiparticulier.QuotientCafRecords.Fetched;
import fr.portailfamille.system.Euros;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of {@code quotientRefresh}: the year taken once, the consenting families listed once
 * ({@code quotient_refresh_item}, one row per family and year), then asked a batch at a time, each family
 * in a transaction of its own that locks and marks its row — two attempts of the same job (a lock that
 * expired) never ask a family twice, and a crash redoes only the family in flight.
 */
@Service
class QuotientRefresh {

    /** One family of the report: file number, name, quotient before and after, outcome. */
    record Line(String number, String name, Integer before, Integer after, String outcome) {

        String text() {
            return number + " " + name + " : " + switch (outcome) {
                case "FOUND" -> (before == null ? "aucun" : Euros.whole(before)) + " → " + Euros.whole(after);
                default -> (before == null ? "aucun quotient enregistré" : "quotient enregistré " + Euros.whole(before)) + switch (outcome) {
                    case "NOT_FOUND" -> " (aucun dossier CAF ou MSA trouvé)";
                    case "AMBIGUOUS" -> " (plusieurs personnes correspondent)";
                    default -> " (service indisponible)";
                };
            };
        }
    }

    private final JdbcClient jdbc;
    private final QuotientFetches fetches;
    private final Activities activities;
    private final ApiParticulierProperties settings;
    private final TransactionTemplate eachFamily;
    private final Clock clock;

    QuotientRefresh(JdbcClient jdbc, QuotientFetches fetches, Activities activities, ApiParticulierProperties settings,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.fetches = fetches;
        this.activities = activities;
        this.settings = settings;
        this.eachFamily = new TransactionTemplate(transactions);
        this.eachFamily.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Takes the year for this process instance; false when the year was refreshed (or is being refreshed) already. */
    boolean takeYear(int year, String processInstanceId) {
        return jdbc.sql("""
                insert into quotient_refresh (refresh_year, process_instance_id, started_at) values (?, ?, ?)
                on conflict (refresh_year) do nothing""")
                .params(year, processInstanceId, clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** Lists the families whose consent stands now, once; returns how many are to be asked. */
    int list(int year) {
        jdbc.sql("""
                insert into quotient_refresh_item (refresh_year, family_file_id)
                select ?, family_file_id from quotient_consent where revoked_at is null
                on conflict do nothing""").param(year).update();
        return remaining(year);
    }

    int remaining(int year) {
        return jdbc.sql("select count(*) from quotient_refresh_item where refresh_year = ? and done_at is null")
                .param(year).query(Integer.class).single();
    }

    /** Asks API Particulier for the next families not asked yet (at most the batch size); returns how many remain. */
    int nextBatch(int year) {
        for (int i = 0; i < settings.refresh().batchSize(); i++) {
            Boolean asked = eachFamily.execute(status -> askNext(year));
            if (!Boolean.TRUE.equals(asked)) {
                break;
            }
        }
        return remaining(year);
    }

    /** One family: its row locked (skipped by any other attempt), asked (only if its consent still stands), marked done. */
    private boolean askNext(int year) {
        Optional<Long> family = jdbc.sql("""
                select family_file_id from quotient_refresh_item where refresh_year = ? and done_at is null
                order by family_file_id limit 1 for update skip locked""").param(year).query(Long.class).optional();
        if (family.isEmpty()) {
            return false;
        }
        Fetched fetched = fetches.fetch(family.get(), year);
        String outcome = switch (fetched.result()) {
            case FOUND, UNCHANGED -> "FOUND";
            case NOT_FOUND, AMBIGUOUS, UNAVAILABLE -> fetched.result().name();
            case NO_IDENTITY -> "NOT_FOUND";
            case OFF -> "UNAVAILABLE";
            case NO_CONSENT -> "NO_CONSENT";
        };
        jdbc.sql("""
                update quotient_refresh_item set done_at = ?, outcome = ?, value_before = ?, value_after = ?, bracket_changed = ?
                where refresh_year = ? and family_file_id = ?""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), outcome, fetched.before(), fetched.after(),
                        bracketChanged(fetched.before(), fetched.after(), fetched.appliesFrom()), year, family.get())
                .update();
        return true;
    }

    /**
     * Whether the new quotient falls in another bracket than the old one in the tariff grid of at least one
     * activity on the day it applies from (each activity has its own brackets); a first quotient counts as a change.
     */
    boolean bracketChanged(Integer before, Integer after, LocalDate day) {
        if (after == null || Objects.equals(before, after)) {
            return false;
        }
        if (before == null) {
            return true;
        }
        LocalDate on = day == null ? LocalDate.now(clock) : day;
        for (ActivitySummary activity : activities.all()) {
            List<TariffLine> grid = activities.tariffOn(activity.id(), on);
            if (bracketOf(grid, before) != bracketOf(grid, after)) {
                return true;
            }
        }
        return false;
    }

    /** The lower bound of the bracket a quotient falls in (brackets are the same for every sibling rank). */
    private static int bracketOf(List<TariffLine> grid, int quotient) {
        return grid.stream().filter(line -> quotient >= line.qfMin() && (line.qfMax() == null || quotient <= line.qfMax()))
                .mapToInt(TariffLine::qfMin).max().orElse(-1);
    }

    /** The families whose quotient changed bracket this year. */
    List<Line> changed(int year) {
        return lines(year, "bracket_changed");
    }

    /** The families that could not be fetched this year (no file, several people, the API down). */
    List<Line> notFetched(int year) {
        return lines(year, "outcome in ('NOT_FOUND', 'AMBIGUOUS', 'UNAVAILABLE')");
    }

    private List<Line> lines(int year, String condition) {
        return jdbc.sql("""
                select f.number, f.name, i.value_before as before, i.value_after as after, i.outcome
                from quotient_refresh_item i join family_file f on f.id = i.family_file_id
                where i.refresh_year = ? and %s order by f.name, f.number""".formatted(condition))
                .param(year).query(Line.class).list();
    }
}
