package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cut-off, checked by the server with the time of a clock the test sets: 2 working days before
 * the day at noon (Paris). The shared application's clock is untouched: the service is built here
 * with a fixed clock over the real calendar (Jollyday's French public holidays) and database, on
 * the demo « Accueil périscolaire soir » (school days, cut-off 2 working days before at noon).
 */
class BookingCutOffTest extends PortalIntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ActivityCalendar calendar;

    @Autowired
    BookingLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Activities activities;

    @Autowired
    FamilyFiles families;

    @Autowired
    Bookings bookings;


    @Test
    void aTuesdayCanBeBookedUntilTheFridayBeforeAtNoonNotAMinuteLater() {
        Fixture f = new Fixture("Cut-off mardi");
        LocalDate tuesday = LocalDate.of(2027, 3, 16);

        assertThat(f.save(at(2027, 3, 12, 11, 59), f.lea, tuesday)).containsExactly("BOOKED");
        assertThat(f.save(at(2027, 3, 12, 12, 1), f.hugo, tuesday))
                .containsExactly("REFUSED hors délai : il fallait réserver au plus tard le 12/03/2027 à 12:00");
        assertThat(f.state(f.hugo, tuesday)).isNull();
    }

    @Test
    void aPublicHolidayIsNotAWorkingDayOfTheCutOffAndIsClosed() {
        Fixture f = new Fixture("Cut-off Pâques");
        LocalDate tuesdayAfterEaster = LocalDate.of(2027, 3, 30); // Easter Monday 29 March 2027 is a public holiday

        // two working days before Tuesday 30 are Friday 26 and Thursday 25: the cut-off is Thursday noon
        assertThat(f.save(at(2027, 3, 25, 11, 59), f.lea, tuesdayAfterEaster)).containsExactly("BOOKED");
        assertThat(f.save(at(2027, 3, 26, 9, 0), f.hugo, tuesdayAfterEaster))
                .containsExactly("REFUSED hors délai : il fallait réserver au plus tard le 25/03/2027 à 12:00");
        assertThat(f.save(at(2027, 3, 1, 9, 0), f.hugo, LocalDate.of(2027, 3, 29))).containsExactly("REFUSED fermé : jour férié");
    }

    @Test
    void aClosureOrADayOutOfTheRegistrationIsRefusedWithItsReason() {
        Fixture f = new Fixture("Fermeture", 20);
        LocalDate training = LocalDate.of(2027, 4, 7);
        fixtures(jdbc).closure(f.activity.id(), training, "formation des animateurs");
        f.registeredWeekdays = EnumSet.of(DayOfWeek.WEDNESDAY);

        assertThat(f.save(at(2027, 3, 1, 9, 0), f.lea, training)).containsExactly("REFUSED fermé : fermeture (formation des animateurs)");
        assertThat(f.save(at(2027, 3, 1, 9, 0), f.lea, LocalDate.of(2027, 4, 8)))
                .containsExactly("REFUSED non inscrit : aucune inscription validée ne couvre ce jour");
    }

    @Test
    void cancellingBeforeTheCutOffFreesTheDayAfterItTheDayIsStillBilled() {
        Fixture f = new Fixture("Annulation");
        LocalDate monday = LocalDate.of(2027, 5, 24);
        LocalDate tuesday = LocalDate.of(2027, 5, 25);
        ZonedDateTime early = at(2027, 5, 3, 9, 0);
        f.service(early).saveMonth(f.family, f.lea, f.activity, YearMonth.of(2027, 5), Set.of(monday, tuesday), "test");

        // Friday 21 May 10:00: Tuesday 25's cut-off (Friday noon) is still ahead, Monday 24's (Thursday noon) is past
        assertThat(f.service(at(2027, 5, 21, 10, 0)).saveMonth(f.family, f.lea, f.activity, YearMonth.of(2027, 5), Set.of(), "test"))
                .extracting(PlanningService.ReportLine::outcome)
                .containsExactly(PlanningService.Outcome.CANCELLED_LATE, PlanningService.Outcome.CANCELLED);
        assertThat(bookings.billableOfMonth(f.family, YearMonth.of(2027, 5)))
                .extracting(b -> b.day() + " " + b.state()).containsExactly(monday + " CANCELLED_LATE");
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS);
    }

    private static PlanningFixtures fixtures(JdbcTemplate jdbc) {
        return new PlanningFixtures(jdbc);
    }

    /** A family of two children registered to an activity of its own. */
    private class Fixture {
        final long family;
        final ChildSummary lea;
        final ChildSummary hugo;
        final ActivitySummary activity;
        Set<DayOfWeek> registeredWeekdays = EnumSet.allOf(DayOfWeek.class);

        /** On the demo « Accueil périscolaire soir » (school days; bookings of test children only). */
        Fixture(String name) {
            this(name, null);
        }

        /** On an activity of its own, when the test changes the activity itself. */
        Fixture(String name, Integer capacity) {
            PlanningFixtures data = fixtures(jdbc);
            activity = capacity == null ? activities.findByCode("PERISCOLAIRE_SOIR").orElseThrow()
                    : activities.find(data.activity(name, capacity)).orElseThrow();
            family = data.family("DELAI");
            data.child(family, "Léa");
            data.child(family, "Hugo");
            List<ChildSummary> children = families.find(family).orElseThrow().children();
            lea = children.stream().filter(c -> c.firstName().equals("Léa")).findFirst().orElseThrow();
            hugo = children.stream().filter(c -> c.firstName().equals("Hugo")).findFirst().orElseThrow();
        }

        PlanningService service(ZonedDateTime now) {
            ValidatedRegistrations registrations = (ids, activityId, from, to) -> {
                Map<Long, List<ValidatedRegistrations.Cover>> covers = new HashMap<>();
                ids.forEach(id -> covers.put(id, List.of(new ValidatedRegistrations.Cover(registeredWeekdays, from, to))));
                return covers;
            };
            return new PlanningService(ledger, new RuleBasedBookingRules(registrations, calendar, Clock.fixed(now.toInstant(), PARIS)),
                    org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
        }

        /** What saving the day did: its outcome, and the reason of a refusal. */
        List<String> save(ZonedDateTime now, ChildSummary child, LocalDate day) {
            return service(now).saveMonth(family, child, activity, YearMonth.from(day), Set.of(day), "test").stream()
                    .map(l -> l.outcome() + (l.reason() == null ? "" : " " + l.reason())).toList();
        }

        String state(ChildSummary child, LocalDate day) {
            return jdbc.queryForList("select state from booking where child_id = ? and day = ?", String.class, child.id(), day)
                    .stream().findFirst().orElse(null);
        }
    }
}
