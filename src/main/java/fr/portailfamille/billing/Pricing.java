package fr.portailfamille.billing;

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
 *   <li>a billed day is a booked day or a day cancelled after the cut-off; a closure day never is;</li>
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

    /** The priced month of a family. {@code quotient} is null (and {@code quotientNote} says why) without a valid one. */
    record Result(List<Line> lines, BigDecimal total, Integer quotient, String quotientNote) {

        boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    Result price(PricingInput input) {
        Optional<Quotient> quotient = quotientOf(input);
        Map<Long, Child> children = input.children().stream().collect(Collectors.toMap(Child::id, c -> c));
        List<BookedDay> billed = input.days().stream()
                .filter(d -> input.activities().containsKey(d.activityId()) && children.containsKey(d.childId()))
                .filter(d -> !input.activities().get(d.activityId()).closedDays().contains(d.day()))
                .filter(d -> input.month().equals(java.time.YearMonth.from(d.day())))
                .distinct()
                .toList();

        Map<Long, Map<Long, Integer>> ranks = ranks(billed, children);
        Map<LineKey, int[]> counts = new LinkedHashMap<>();
        Map<LineKey, Tariff> tariffs = new HashMap<>();
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
        }

        List<Line> lines = new ArrayList<>();
        counts.forEach((key, count) -> {
            Child child = children.get(key.childId());
            Activity activity = input.activities().get(key.activityId());
            Tariff tariff = tariffs.get(key);
            int rank = ranks.get(key.activityId()).get(key.childId());
            lines.add(new Line(child.id(), child.fullName(), child.birthDate(), activity.id(), activity.name(),
                    activity.childcare(), activity.unitLabel(), count[0], count[1], tariff.unitPrice(),
                    quotient.isPresent() ? tariff.bracket() : "Tranche maximale (QF non fourni)", rank,
                    tariff.unitPrice().multiply(BigDecimal.valueOf(count[0]))));
        });
        Comparator<Line> order = Comparator.comparing((Line l) -> children.get(l.childId()), rankRule.order())
                .thenComparing(Line::activityName).thenComparing(Line::unitPrice);
        lines.sort(order);
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        String note = quotient.isPresent() ? null
                : String.format(NO_QUOTIENT_NOTE, input.month().format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", PortalTime.FRENCH)));
        return new Result(List.copyOf(lines), total, quotient.map(Quotient::value).orElse(null), note);
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
