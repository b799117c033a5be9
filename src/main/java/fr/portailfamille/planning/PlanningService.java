package fr.portailfamille.planning;

import fr.portailfamille.system.PortalTime;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The planning's use cases: a month's states for a family (a few queries whatever its size), saving
 * a month day by day, duplicating a child's bookings to brothers and sisters. Every rule is checked
 * here ({@link BookingRules}); each day is then booked or cancelled in its own short transaction
 * by {@link BookingLedger}, so the opening rush holds no lock longer than one day's change.
 */
@Service
class PlanningService {


    // The types the pages read (day, month, report line) are public, though the service is not: the templates'
    // expressions are compiled to bytecode (spring.thymeleaf.enable-spring-el-compiler) only when they call
    // public types; on package-private ones SpEL falls back to reflection, for each day of each page.

    /** What a day shows on the planning (its words and colour are the templates', {@code planning/etats.html}). */
    public enum DayStatus { BOOKED, WAITING, FREE, FULL, CLOSED, PAST_CUTOFF, NOT_REGISTERED, CANCELLED_LATE }

    /**
     * One day of a child at an activity: its state, whether the family may tick or untick it; for a
     * booked day whether its cut-off has passed, for a waiting one its rank, for a closed one why.
     */
    public record DayCell(LocalDate day, DayStatus status, boolean late, int position, String reason, boolean editable,
            boolean checked) {

        static DayCell of(LocalDate day, DayStatus status, boolean editable, boolean checked) {
            return new DayCell(day, status, false, 0, null, editable, checked);
        }

        public String dayLabel() {
            return PortalTime.DAY.format(day);
        }

        public String id() {
            return "jour-" + day;
        }
    }

    /** The month of one child at one activity. */
    public record ChildMonth(ChildSummary child, ActivitySummary activity, List<DayCell> days) {

        public boolean anyEditable() {
            return days.stream().anyMatch(DayCell::editable);
        }

        public boolean registered() {
            return days.stream().anyMatch(d -> d.status() != DayStatus.NOT_REGISTERED && d.status() != DayStatus.CLOSED);
        }
    }

    /** What a change of a day did (its words and colour are the templates', {@code planning/etats.html}). */
    public enum Outcome { BOOKED, COPIED, WAITING, ALREADY_BOOKED, ALREADY_WAITING, REFUSED, ALREADY_CANCELLED, CANCELLED, CANCELLED_LATE }

    /** A line of a report: whose day, what happened, the waiting rank or the reason of a refusal. */
    public record ReportLine(String person, LocalDate day, Outcome outcome, int position, String reason) implements Serializable {

        static ReportLine of(String person, LocalDate day, Outcome outcome) {
            return new ReportLine(person, day, outcome, 0, null);
        }

        public String dayLabel() {
            return PortalTime.DAY.format(day);
        }
    }

    /** A live booking (or a late cancellation) as a page shows it. */
    record Held(long childId, long activityId, LocalDate day, BookingState state, int position) {}

    private final BookingLedger ledger;
    private final BookingRules rules;
    private final JdbcClient jdbc;

    PlanningService(BookingLedger ledger, BookingRules rules, JdbcClient jdbc) {
        this.ledger = ledger;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** The month of these children at this activity, in three or four queries. */
    List<ChildMonth> month(long familyFileId, List<ChildSummary> children, ActivitySummary activity, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<Long> ids = children.stream().map(ChildSummary::id).toList();
        Map<Long, Map<LocalDate, DayVerdict>> verdicts = rules.verdicts(ids, activity, from, to);
        Map<String, Held> held = held(familyFileId, from, to);
        Set<LocalDate> full = fullDays(activity.id(), from, to);
        List<ChildMonth> months = new ArrayList<>();
        for (ChildSummary child : children) {
            List<DayCell> days = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (!activity.weekdays().contains(day.getDayOfWeek())) {
                    continue;
                }
                DayVerdict verdict = verdicts.getOrDefault(child.id(), Map.of()).getOrDefault(day, DayVerdict.closed("fermé"));
                Held booking = held.get(key(child.id(), activity.id(), day));
                if (booking == null && verdict.neverRuns()) {
                    continue; // a day the activity never runs (e.g. a school day for the leisure centre) is not a tick box
                }
                days.add(cell(activity, day, verdict, booking, full.contains(day)));
            }
            months.add(new ChildMonth(child, activity, days));
        }
        return months;
    }

    private DayCell cell(ActivitySummary activity, LocalDate day, DayVerdict verdict, Held held, boolean full) {
        boolean started = rules.started(day);
        if (held != null && held.state() == BookingState.BOOKED) {
            boolean late = !started && rules.cutOffPassed(activity, day);
            return new DayCell(day, DayStatus.BOOKED, late, 0, null, !started, true);
        }
        if (held != null && held.state() == BookingState.WAITING) {
            return new DayCell(day, DayStatus.WAITING, false, held.position(), null, !started, true);
        }
        if (held != null && held.state() == BookingState.CANCELLED_LATE && !verdict.open()) {
            return DayCell.of(day, DayStatus.CANCELLED_LATE, false, false);
        }
        return switch (verdict.kind()) {
            case OPEN -> DayCell.of(day, full ? DayStatus.FULL : DayStatus.FREE, true, false);
            case CLOSED -> new DayCell(day, DayStatus.CLOSED, false, 0, verdict.reason(), false, false);
            case PAST_CUTOFF -> DayCell.of(day, DayStatus.PAST_CUTOFF, false, false);
            case NOT_REGISTERED -> DayCell.of(day, DayStatus.NOT_REGISTERED, false, false);
        };
    }

    /**
     * Saves the ticks of one child's month at one activity: each day on its own, ticked days booked
     * (or put on the waiting list), unticked booked days cancelled; days the family may not change
     * are refused with their reason. Only the days that change are reported.
     */
    List<ReportLine> saveMonth(long familyFileId, ChildSummary child, ActivitySummary activity, YearMonth month,
            Set<LocalDate> ticked, String actor) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<LocalDate, DayVerdict> verdicts = rules.verdicts(List.of(child.id()), activity, from, to)
                .getOrDefault(child.id(), Map.of());
        Map<String, Held> held = held(familyFileId, from, to);
        List<ReportLine> report = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Held current = held.get(key(child.id(), activity.id(), day));
            boolean live = current != null && current.state().live();
            boolean wanted = ticked.contains(day);
            if (wanted && !live) {
                DayVerdict verdict = activity.weekdays().contains(day.getDayOfWeek())
                        ? verdicts.getOrDefault(day, DayVerdict.closed("fermé")) : DayVerdict.neverRunning("fermé : pas d'accueil ce jour-là");
                report.add(book(familyFileId, child, activity, day, verdict, BookingSource.PLANNING, actor));
            } else if (!wanted && live && !rules.started(day)) {
                // a day already begun is not on the form (no tick box): it stays as it is
                report.add(cancel(child, activity, day, actor));
            }
        }
        return report;
    }

    /**
     * « dupliquer des réservations »: the source child's live bookings of the activity between the
     * two dates, copied to each target with every rule applied for the target. One line per target
     * and day: copied, waiting list (position), refused (why).
     */
    List<ReportLine> duplicate(long familyFileId, ActivitySummary activity, ChildSummary source, List<ChildSummary> targets,
            LocalDate from, LocalDate to, String actor) {
        Map<String, Held> held = held(familyFileId, from, to);
        List<LocalDate> days = held.values().stream()
                .filter(h -> h.childId() == source.id() && h.activityId() == activity.id() && h.state().live())
                .map(Held::day).sorted().toList();
        Map<Long, Map<LocalDate, DayVerdict>> verdicts = rules.verdicts(targets.stream().map(ChildSummary::id).toList(), activity, from, to);
        List<ReportLine> report = new ArrayList<>();
        for (ChildSummary target : targets) {
            for (LocalDate day : days) {
                Held current = held.get(key(target.id(), activity.id(), day));
                if (current != null && current.state().live()) {
                    report.add(current.state() == BookingState.BOOKED
                            ? ReportLine.of(target.firstName(), day, Outcome.ALREADY_BOOKED)
                            : new ReportLine(target.firstName(), day, Outcome.ALREADY_WAITING, current.position(), null));
                    continue;
                }
                DayVerdict verdict = verdicts.getOrDefault(target.id(), Map.of()).getOrDefault(day, DayVerdict.closed("fermé"));
                ReportLine line = book(familyFileId, target, activity, day, verdict, BookingSource.DUPLICATION, actor);
                report.add(line.outcome() == Outcome.BOOKED ? ReportLine.of(line.person(), day, Outcome.COPIED) : line);
            }
        }
        return report;
    }

    private ReportLine book(long familyFileId, ChildSummary child, ActivitySummary activity, LocalDate day, DayVerdict verdict,
            BookingSource source, String actor) {
        if (!verdict.open()) {
            return new ReportLine(child.firstName(), day, Outcome.REFUSED, 0, refusal(verdict));
        }
        BookingLedger.BookResult result = ledger.book(familyFileId, child.id(), activity.id(), day, activity.capacityPerDay(), source, actor);
        return result.state() == BookingState.BOOKED
                ? ReportLine.of(child.firstName(), day, Outcome.BOOKED)
                : new ReportLine(child.firstName(), day, Outcome.WAITING, result.position(), null);
    }

    private ReportLine cancel(ChildSummary child, ActivitySummary activity, LocalDate day, String actor) {
        boolean late = rules.cutOffPassed(activity, day);
        Optional<BookingLedger.CancelResult> result = ledger.cancel(child.id(), activity.id(), day, late, actor);
        if (result.isEmpty()) {
            return ReportLine.of(child.firstName(), day, Outcome.ALREADY_CANCELLED);
        }
        return result.get().newState() == BookingState.CANCELLED_LATE
                ? ReportLine.of(child.firstName(), day, Outcome.CANCELLED_LATE)
                : ReportLine.of(child.firstName(), day, Outcome.CANCELLED);
    }

    private static String refusal(DayVerdict verdict) {
        return switch (verdict.kind()) {
            case NOT_REGISTERED -> verdict.reason().isBlank() ? "non inscrit à cette activité" : verdict.reason();
            case PAST_CUTOFF -> verdict.reason().isBlank() ? "hors délai" : verdict.reason();
            case CLOSED -> verdict.reason().isBlank() ? "fermé" : verdict.reason();
            case OPEN -> "";
        };
    }

    /**
     * The family's bookings of the range (live ones and late cancellations), waiting positions included: one query.
     */
    Map<String, Held> held(long familyFileId, LocalDate from, LocalDate to) {
        Map<String, Held> held = new HashMap<>();
        jdbc.sql("""
                select b.child_id, b.activity_id, b.day, b.state, coalesce(b.waiting_position, 0) as position
                from booking b
                where b.family_file_id = ? and b.day between ? and ? and b.state in ('BOOKED', 'WAITING', 'CANCELLED_LATE')
                order by b.id
                """).params(familyFileId, from, to).query(rs -> {
                    Held h = new Held(rs.getLong("child_id"), rs.getLong("activity_id"), rs.getObject("day", LocalDate.class),
                            BookingState.valueOf(rs.getString("state")), rs.getInt("position"));
                    held.merge(key(h.childId(), h.activityId(), h.day()), h, (a, b) -> a.state().live() ? a : b);
                });
        return held;
    }

    /** The days of the range on which the activity is full: one query. */
    Set<LocalDate> fullDays(long activityId, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("select day from day_capacity where activity_id = ? and day between ? and ? and booked >= capacity")
                .params(activityId, from, to).query(LocalDate.class).list());
    }

    static String key(long childId, long activityId, LocalDate day) {
        return childId + "/" + activityId + "/" + day;
    }

    static String monthLabel(YearMonth month) {
        String label = PortalTime.MONTH.format(month);
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
