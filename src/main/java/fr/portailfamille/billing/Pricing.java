package fr.portailfamille.billing;

import fr.portailfamille.activity.AttendanceBillingRule;
import fr.portailfamille.billing.PricingInput.Activity;
import fr.portailfamille.billing.PricingInput.BookedDay;
import fr.portailfamille.billing.PricingInput.Child;
import fr.portailfamille.billing.PricingInput.Quotient;
import fr.portailfamille.billing.PricingInput.Tariff;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pricing rules, in one place and free of any framework (table-driven tests in PricingTest):
 * <ul>
 *   <li>a billed day is a booked day or a day cancelled after the cut-off, as the activity's rule for
 *       attendance says ({@link #verdicts}): present, no entry on the sheet, present without a booking
 *       (plus a surcharge line), « jours de carence » of a justified absence…; a closure day never is;</li>
 *   <li>its price is the activity's tariff (the grid version in force that day) for the family's
 *       quotient-familial bracket and the child's sibling rank;</li>
 *   <li>the sibling rank orders the family's children using that activity in the month by age
 *       ({@link SiblingRankRule}); a rank beyond the grid's last one pays the last one (« 3 et plus »);</li>
 *   <li>without a quotient familial valid in the month, the family pays the top bracket and the
 *       invoice says why;</li>
 *   <li>amounts are exact decimals, only the total is rounded, once, to the cent (half up).</li>
 * </ul>
 */
final class Pricing {

    static final String NO_QUOTIENT_NOTE = "Aucun quotient familial valide pour %s : le tarif de la tranche la plus haute "
            + "s'applique. Déposez votre attestation de quotient familial dans « Mon dossier » pour les prochaines factures.";

    private final SiblingRankRule rankRule;

    Pricing(SiblingRankRule rankRule) {
        this.rankRule = rankRule;
    }

    /** One invoice line: a child × an activity × a price. */
    record Line(long childId, String childName, LocalDate childBirthDate, long activityId, String activityName,
            boolean childcare, String unitLabel, int quantity, int lateCancelled, BigDecimal unitPrice, String bracket,
            int siblingRank, BigDecimal amount) {}

    /** Appended to the activity's name on the line of the surcharge of days present without a booking. */
    static final String SURCHARGE = " – majoration présence sans réservation";

    /** Why a day is billed or not, as the invoice says it (in this order). */
    enum Why {
        PRESENT("présent"), BOOKED("réservé, sans pointage"), UNBOOKED("présent sans réservation"), WAITING_DAY("jour de carence"),
        JUSTIFIED("absence justifiée"), UNJUSTIFIED("absence non justifiée"), LATE_CANCELLED("annulation hors délai"),
        CLOSED("fermeture");

        final String label;

        Why(String label) {
            this.label = label;
        }
    }

    record Verdict(BookedDay day, boolean billed, Why why) {}

    /** A child's days of an activity in the month: those billed and those not, each with why ("" when none). */
    record DayNote(long childId, String childName, String activityName, String billed, String notBilled) {}

    /** The priced month of a family. {@code quotient} is null (and {@code quotientNote} says why) without a valid one. */
    record Result(List<Line> lines, BigDecimal total, Integer quotient, String quotientNote, List<DayNote> days) {

        boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    Result price(PricingInput input) {
        Optional<Quotient> quotient = quotientOf(input);
        Map<Long, Child> children = input.children().stream().collect(Collectors.toMap(Child::id, c -> c));
        List<Verdict> verdicts = verdicts(uniqueDays(input, children), input.daysBefore(), input.activities());
        List<BookedDay> billed = verdicts.stream().filter(Verdict::billed).map(Verdict::day).toList();

        Map<Long, Map<Long, Integer>> ranks = ranks(billed, children);
        Map<LineKey, int[]> counts = new LinkedHashMap<>();
        Map<LineKey, Tariff> tariffs = new HashMap<>();
        Map<List<Long>, Integer> unbooked = new LinkedHashMap<>();
        for (BookedDay day : billed) {
            Activity activity = input.activities().get(day.activityId());
            int rank = ranks.get(day.activityId()).get(day.childId());
            Tariff tariff = tariff(activity, day.day(), quotient, rank);
            LineKey key = new LineKey(day.childId(), day.activityId(), tariff);
            tariffs.put(key, tariff);
            int[] count = counts.computeIfAbsent(key, k -> new int[2]);
            count[0]++;
            if (day.lateCancellation()) {
                count[1]++;
            }
            if (!day.booked() && activity.rule().unbookedSurcharge().signum() > 0) {
                unbooked.merge(List.of(day.childId(), day.activityId()), 1, Integer::sum);
            }
        }

        List<Line> lines = new ArrayList<>();
        String bracketOf = quotient.isPresent() ? null : "Tranche maximale (QF non fourni)";
        counts.forEach((key, count) -> {
            Child child = children.get(key.childId());
            Activity activity = input.activities().get(key.activityId());
            Tariff tariff = tariffs.get(key);
            int rank = ranks.get(key.activityId()).get(key.childId());
            lines.add(new Line(child.id(), child.fullName(), child.birthDate(), activity.id(), activity.name(),
                    activity.childcare(), activity.unitLabel(), count[0], count[1], tariff.unitPrice(),
                    bracketOf == null ? tariff.bracket() : bracketOf, rank,
                    tariff.unitPrice().multiply(BigDecimal.valueOf(count[0]))));
        });
        unbooked.forEach((key, days) -> {
            Child child = children.get(key.get(0));
            Activity activity = input.activities().get(key.get(1));
            BigDecimal surcharge = activity.rule().unbookedSurcharge();
            lines.add(new Line(child.id(), child.fullName(), child.birthDate(), activity.id(), activity.name() + SURCHARGE,
                    activity.childcare(), activity.unitLabel(), days, 0, surcharge, "majoration", ranks.get(activity.id()).get(child.id()),
                    surcharge.multiply(BigDecimal.valueOf(days))));
        });
        Comparator<Line> order = Comparator.comparing((Line l) -> children.get(l.childId()), rankRule.order())
                .thenComparing(Line::activityName).thenComparing(Line::unitPrice);
        lines.sort(order);
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        String note = quotient.isPresent() ? null
                : String.format(NO_QUOTIENT_NOTE, input.month().format(PortalTime.MONTH));
        return new Result(List.copyOf(lines), total, quotient.map(Quotient::value).orElse(null), note,
                dayNotes(verdicts, children, input.activities()));
    }

    /** The days of the month the rules bill (what {@link #price} counts), one per child, activity and date. */
    static List<BookedDay> billedDays(PricingInput input) {
        Map<Long, Child> children = input.children().stream().collect(Collectors.toMap(Child::id, c -> c));
        return verdicts(uniqueDays(input, children), input.daysBefore(), input.activities()).stream().filter(Verdict::billed)
                .map(Verdict::day).toList();
    }

    /** The month's days of known children and activities, one per child, activity and date (the same day given twice is priced once). */
    private static java.util.Collection<BookedDay> uniqueDays(PricingInput input, Map<Long, Child> children) {
        Map<List<Object>, BookedDay> unique = new LinkedHashMap<>();
        input.days().stream()
                .filter(d -> input.activities().containsKey(d.activityId()) && children.containsKey(d.childId()))
                .filter(d -> input.month().equals(java.time.YearMonth.from(d.day())))
                .forEach(d -> unique.putIfAbsent(List.of(d.childId(), d.activityId(), d.day()), d));
        return unique.values();
    }

    /**
     * Whether each day is billed, and why, by the activity's rule: present, booked without an entry
     * and present without a booking are billed; a justified absence is not (unless the rule bills
     * it) after its first {@code waitingDays} days in a row (« jours de carence »; an absence that
     * began in the month before counts the days it already used there, {@code daysBefore}); an
     * unjustified absence and a late cancellation are billed unless the rule says not; a closure day
     * never is.
     */
    private static List<Verdict> verdicts(java.util.Collection<BookedDay> days, List<BookedDay> daysBefore,
            Map<Long, Activity> activities) {
        List<Verdict> verdicts = new ArrayList<>();
        Map<List<Long>, List<BookedDay>> series = days.stream().sorted(Comparator.comparing(BookedDay::day))
                .collect(Collectors.groupingBy(d -> List.of(d.childId(), d.activityId()), LinkedHashMap::new, Collectors.toList()));
        series.forEach((key, ofChild) -> {
            Activity activity = activities.get(key.get(1));
            AttendanceBillingRule rule = activity.rule();
            int absentInARow = rule.waitingDays() == 0 ? 0 : absentAtTheEnd(daysBefore, key.get(0), activity);
            for (BookedDay day : ofChild) {
                if (activity.closedDays().contains(day.day())) {
                    verdicts.add(new Verdict(day, false, Why.CLOSED));
                    continue;
                }
                boolean justified = day.presence() == PricingInput.Presence.ABSENT_JUSTIFIED && !day.lateCancellation();
                absentInARow = justified ? absentInARow + 1 : 0;
                Verdict verdict;
                if (!day.booked()) {
                    verdict = new Verdict(day, true, Why.UNBOOKED);
                } else if (day.lateCancellation()) {
                    verdict = new Verdict(day, rule.billLateCancellation(), Why.LATE_CANCELLED);
                } else if (justified) {
                    verdict = absentInARow <= rule.waitingDays() ? new Verdict(day, true, Why.WAITING_DAY)
                            : new Verdict(day, rule.billJustifiedAbsence(), Why.JUSTIFIED);
                } else {
                    verdict = switch (day.presence()) {
                        case PRESENT -> new Verdict(day, true, Why.PRESENT);
                        case ABSENT_UNJUSTIFIED -> new Verdict(day, rule.billUnjustifiedAbsence(), Why.UNJUSTIFIED);
                        default -> new Verdict(day, true, Why.BOOKED);
                    };
                }
                verdicts.add(verdict);
            }
        });
        return verdicts;
    }

    /**
     * The justified absence days in a row at the end of the month before (a closure day does not
     * break them; a present day, an unjustified absence or a late cancellation does).
     */
    private static int absentAtTheEnd(List<BookedDay> daysBefore, long childId, Activity activity) {
        java.util.NavigableMap<LocalDate, BookedDay> before = new java.util.TreeMap<>();
        daysBefore.stream().filter(d -> d.childId() == childId && d.activityId() == activity.id())
                .forEach(d -> before.putIfAbsent(d.day(), d));
        int inARow = 0;
        for (BookedDay day : before.descendingMap().values()) {
            if (activity.closedDays().contains(day.day())) {
                continue;
            }
            if (day.presence() != PricingInput.Presence.ABSENT_JUSTIFIED || day.lateCancellation() || !day.booked()) {
                break;
            }
            inARow++;
        }
        return inARow;
    }

    /** Per child and activity: the days billed and those not billed, grouped by why (« présent : 3, 4 ; jour de carence : 5 »). */
    private List<DayNote> dayNotes(List<Verdict> verdicts, Map<Long, Child> children, Map<Long, Activity> activities) {
        Map<List<Long>, List<Verdict>> byChild = verdicts.stream()
                .collect(Collectors.groupingBy(v -> List.of(v.day().childId(), v.day().activityId()), LinkedHashMap::new, Collectors.toList()));
        List<DayNote> notes = new ArrayList<>();
        byChild.forEach((key, ofChild) -> {
            Child child = children.get(key.get(0));
            notes.add(new DayNote(child.id(), child.fullName(), activities.get(key.get(1)).name(),
                    summary(ofChild.stream().filter(Verdict::billed).toList()),
                    summary(ofChild.stream().filter(v -> !v.billed()).toList())));
        });
        notes.sort(Comparator.comparing((DayNote n) -> children.get(n.childId()), rankRule.order()).thenComparing(DayNote::activityName));
        return List.copyOf(notes);
    }

    private static String summary(List<Verdict> verdicts) {
        Map<Why, List<String>> days = new java.util.TreeMap<>();
        verdicts.stream().sorted(Comparator.comparing(v -> v.day().day()))
                .forEach(v -> days.computeIfAbsent(v.why(), w -> new ArrayList<>()).add(String.valueOf(v.day().day().getDayOfMonth())));
        return days.entrySet().stream().map(e -> e.getKey().label + " : " + String.join(", ", e.getValue()))
                .collect(Collectors.joining(" ; "));
    }

    /** The quotient valid on the month's first day, else the latest one valid during the month. */
    static Optional<Quotient> quotientOf(PricingInput input) {
        LocalDate first = input.month().atDay(1);
        return input.quotients().stream().filter(q -> q.validOn(first)).max(Comparator.comparing(Quotient::validFrom))
                .or(() -> input.quotients().stream().filter(q -> q.overlaps(input.month()))
                        .max(Comparator.comparing(Quotient::validFrom)));
    }

    /** activity → child → rank, among the children with at least one billed day of that activity. */
    private Map<Long, Map<Long, Integer>> ranks(List<BookedDay> billed, Map<Long, Child> children) {
        Map<Long, Map<Long, Integer>> ranks = new HashMap<>();
        billed.stream().collect(Collectors.groupingBy(BookedDay::activityId,
                        Collectors.mapping(d -> children.get(d.childId()), Collectors.toSet())))
                .forEach((activityId, users) -> {
                    List<Child> ordered = users.stream().sorted(rankRule.order()).toList();
                    Map<Long, Integer> byChild = new HashMap<>();
                    for (int i = 0; i < ordered.size(); i++) {
                        byChild.put(ordered.get(i).id(), i + 1);
                    }
                    ranks.put(activityId, byChild);
                });
        return ranks;
    }

    private static Tariff tariff(Activity activity, LocalDate day, Optional<Quotient> quotient, int rank) {
        Optional<LocalDate> version = activity.tariff().stream().map(Tariff::validFrom).filter(d -> !d.isAfter(day))
                .max(Comparator.naturalOrder());
        List<Tariff> grid = version.map(v -> activity.tariff().stream().filter(t -> t.validFrom().equals(v)).toList())
                .orElse(List.of());
        int lastRank = grid.stream().mapToInt(Tariff::siblingRank).filter(r -> r <= rank).max().orElse(0);
        List<Tariff> ofRank = grid.stream().filter(t -> t.siblingRank() == lastRank).toList();
        Optional<Tariff> found = quotient.isPresent()
                ? ofRank.stream().filter(t -> t.matches(quotient.get().value())).findFirst()
                : ofRank.stream().max(Comparator.comparingInt(Tariff::qfMin));
        return found.orElseThrow(() -> new MissingTariffException(activity.name(), day, rank,
                quotient.map(Quotient::value).orElse(null)));
    }

    private record LineKey(long childId, long activityId, Tariff tariff) {}

    /** No tariff for a billed day: the run stops with an incident finances can read, fix the grid and retry. */
    static final class MissingTariffException extends IllegalStateException {
        MissingTariffException(String activity, LocalDate day, int rank, Integer quotient) {
            super("Tarif manquant pour « " + activity + " » le " + day.format(PortalTime.DATE) + " (rang " + rank
                    + ", quotient " + (quotient == null ? "non fourni" : quotient) + ") : complétez la grille tarifaire puis relancez");
        }
    }
}
