package fr.portailfamille.planning;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo bookings: Léa and Hugo DUPONT on the first Wednesdays of next month at « Centre de loisirs », where the rules allow;
 * and the month just ended, whose attendance and invoice the demo shows: Léa and Chloé every Wednesday at « Centre de
 * loisirs », Léa on Mondays and Tuesdays at « Restauration scolaire ».
 */
@Component
@Profile("demo")
class PlanningDemoData implements DemoDataLoader {

    static final int DEMO_WEDNESDAYS = 2;

    private final FamilyFiles families;
    private final Activities activities;
    private final BookingRules rules;
    private final BookingLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanningDemoData(FamilyFiles families, Activities activities, BookingRules rules, BookingLedger ledger, JdbcClient jdbc, Clock clock) {
        this.families = families;
        this.activities = activities;
        this.rules = rules;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        loadLastMonth();
        FamilySummary dupont = families.findByNumber("100123").orElse(null);
        ActivitySummary centre = activities.findByCode(PlanningController.DEFAULT_ACTIVITY).orElse(null);
        if (dupont == null || centre == null || jdbc.sql(
                "select exists (select 1 from booking where family_file_id = ? and source = 'DEMO')").param(dupont.id())
                .query(Boolean.class).single()) {
            return;
        }
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        LocalDate firstWednesday = next.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        List<ChildSummary> children = dupont.children().stream().filter(c -> List.of("Léa", "Hugo").contains(c.firstName())).toList();
        Map<Long, Map<LocalDate, DayVerdict>> verdicts = rules.verdicts(children.stream().map(ChildSummary::id).toList(), centre,
                next.atDay(1), next.atEndOfMonth());
        for (ChildSummary child : children) {
            int booked = 0;
            for (LocalDate day = firstWednesday; booked < DEMO_WEDNESDAYS && !day.isAfter(next.atEndOfMonth()); day = day.plusWeeks(1)) {
                if (verdicts.getOrDefault(child.id(), Map.of()).getOrDefault(day, DayVerdict.closed("")).open()) {
                    ledger.book(dupont.id(), child.id(), centre.id(), day, centre.capacityPerDay(), BookingSource.DEMO, "démonstration");
                    booked++;
                }
            }
        }
    }

    /** The month just ended (booked as if before the cut-off: the demo's past). */
    private void loadLastMonth() {
        FamilySummary dupont = families.findByNumber("100123").orElse(null);
        ActivitySummary centre = activities.findByCode(PlanningController.DEFAULT_ACTIVITY).orElse(null);
        ActivitySummary canteen = activities.findByCode("RESTAURATION").orElse(null);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        if (dupont == null || centre == null || canteen == null || jdbc.sql(
                "select exists (select 1 from booking where family_file_id = ? and source = 'DEMO' and day between ? and ?)")
                .params(dupont.id(), last.atDay(1), last.atEndOfMonth()).query(Boolean.class).single()) {
            return;
        }
        Map<String, Long> children = new java.util.HashMap<>();
        dupont.children().forEach(c -> children.put(c.firstName(), c.id()));
        if (!children.containsKey("Léa") || !children.containsKey("Chloé")) {
            return;
        }
        for (LocalDate day = last.atDay(1); !day.isAfter(last.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && activities.isOpenOn(centre.id(), day)) {
                for (String child : List.of("Léa", "Chloé")) {
                    ledger.book(dupont.id(), children.get(child), centre.id(), day, centre.capacityPerDay(), BookingSource.DEMO, "démonstration");
                }
            } else if ((day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.TUESDAY)
                    && activities.isOpenOn(canteen.id(), day)) {
                ledger.book(dupont.id(), children.get("Léa"), canteen.id(), day, canteen.capacityPerDay(), BookingSource.DEMO, "démonstration");
            }
        }
    }
}
