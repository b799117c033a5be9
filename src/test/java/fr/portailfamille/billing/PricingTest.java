package fr.portailfamille.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.activity.AttendanceBillingRule;
import fr.portailfamille.billing.PricingInput.Activity;
import fr.portailfamille.billing.PricingInput.BookedDay;
import fr.portailfamille.billing.PricingInput.Child;
import fr.portailfamille.billing.PricingInput.Quotient;
import fr.portailfamille.billing.PricingInput.Tariff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pricing rules, table by table: brackets × ranks × units, billed days, missing quotient, rounding. */
class PricingTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final LocalDate GRID_2025 = LocalDate.of(2025, 9, 1);

    // three brackets × three ranks, the price of a day at the leisure centre
    static final List<Tariff> LEISURE_GRID = grid(GRID_2025, new String[][] {
            // qfMin, qfMax, rank1, rank2, rank3
            {"0", "600", "5.00", "4.50", "4.00"},
            {"601", "1200", "9.00", "8.10", "7.20"},
            {"1201", "", "14.00", "12.60", "11.20"}});

    static final Child HUGO = new Child(1, "Hugo", "DUPONT", LocalDate.of(2016, 4, 2));
    static final Child LEA = new Child(2, "Léa", "DUPONT", LocalDate.of(2019, 6, 9));
    static final Child CHLOE = new Child(3, "Chloé", "DUPONT", LocalDate.of(2021, 1, 20));
    static final Child ZOE = new Child(4, "Zoé", "DUPONT", LocalDate.of(2022, 2, 14));

    final Pricing pricing = new Pricing(SiblingRankRule.ELDEST_FIRST);

    @ParameterizedTest(name = "QF {0}, child of rank {1} → {2} € a day ({3})")
    @CsvSource({
            "0,    1, 5.00,  QF 0 à 600",
            "600,  1, 5.00,  QF 0 à 600",
            "601,  1, 9.00,  QF 601 à 1200",
            "1200, 2, 8.10,  QF 601 à 1200",
            "1201, 1, 14.00, QF 1201 et plus",
            "5000, 2, 12.60, QF 1201 et plus",
            "350,  2, 4.50,  QF 0 à 600",
            "350,  3, 4.00,  QF 0 à 600",
            "900,  3, 7.20,  QF 601 à 1200",
            "900,  4, 7.20,  QF 601 à 1200",
            "2000, 3, 11.20, QF 1201 et plus"})
    void theUnitPriceDependsOnTheBracketAndTheRank(int quotient, int rank, String price, String bracket) {
        List<Child> children = List.of(HUGO, LEA, CHLOE, ZOE).subList(0, rank);
        List<BookedDay> days = new ArrayList<>();
        for (Child child : children) {
            days.add(new BookedDay(child.id(), 10, LocalDate.of(2026, 3, 4), false));
            days.add(new BookedDay(child.id(), 10, LocalDate.of(2026, 3, 11), false));
        }
        Pricing.Result result = pricing.price(input(List.of(qf(quotient)), children, Map.of(10L, leisure()), days));

        Pricing.Line line = result.lines().get(rank - 1);
        assertThat(line.siblingRank()).isEqualTo(rank);
        assertThat(line.unitPrice()).isEqualByComparingTo(price);
        assertThat(line.bracket()).isEqualTo(bracket);
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.amount()).isEqualByComparingTo(new BigDecimal(price).multiply(BigDecimal.valueOf(2)));
        assertThat(result.quotient()).isEqualTo(quotient);
        assertThat(result.quotientNote()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1} units at {2} € = {3} €")
    @CsvSource({
            "journée,      4, 9.00, 36.00",
            "demi-journée, 3, 5.25, 15.75",
            "repas,       16, 3.35, 53.60",
            "séance,      12, 1.85, 22.20"})
    void eachUnitIsCountedOncePerBookedDay(String unit, int units, String price, String total) {
        Activity activity = new Activity(20, "Activité", unit, true,
                grid(GRID_2025, new String[][] {{"0", "", price, price, price}}), Set.of());
        List<BookedDay> days = new ArrayList<>();
        LocalDate day = MARCH.atDay(2);
        for (int i = 0; i < units; i++, day = day.plusDays(1)) {
            days.add(new BookedDay(HUGO.id(), 20, day, false));
        }
        days.add(days.get(0)); // the same day given twice is billed once

        Pricing.Result result = pricing.price(input(List.of(qf(800)), List.of(HUGO), Map.of(20L, activity), days));

        assertThat(result.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitLabel()).isEqualTo(unit);
            assertThat(l.quantity()).isEqualTo(units);
        });
        assertThat(result.total()).isEqualByComparingTo(total);
    }

    @Test
    void aMonthWithALateCancellationAClosureDayAndNoQuotient() {
        LocalDate closed = LocalDate.of(2026, 3, 18);
        Activity leisure = new Activity(10, "Centre de loisirs", "journée", true, LEISURE_GRID, Set.of(closed));
        List<BookedDay> days = List.of(
                new BookedDay(LEA.id(), 10, LocalDate.of(2026, 3, 4), false),
                new BookedDay(LEA.id(), 10, LocalDate.of(2026, 3, 11), true),   // cancelled after the cut-off: billed
                new BookedDay(LEA.id(), 10, closed, false),                      // closure day: never billed
                new BookedDay(LEA.id(), 10, LocalDate.of(2026, 4, 1), false));   // another month: not this invoice
        // the only quotient expired before March
        Quotient expired = new Quotient(450, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 28));

        Pricing.Result result = pricing.price(input(List.of(expired), List.of(LEA), Map.of(10L, leisure), days));

        assertThat(result.quotient()).isNull();
        assertThat(result.quotientNote()).contains("Aucun quotient familial valide pour mars 2026").contains("tranche la plus haute");
        assertThat(result.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.lateCancelled()).isEqualTo(1);
            assertThat(l.unitPrice()).isEqualByComparingTo("14.00");
            assertThat(l.bracket()).isEqualTo("Tranche maximale (QF non fourni)");
        });
        assertThat(result.total()).isEqualByComparingTo("28.00");
    }

    @Test
    void theRankComesFromTheAgesOfTheChildrenUsingTheActivityNotFromOtherActivities() {
        Activity canteen = new Activity(30, "Restauration scolaire", "repas", false,
                grid(GRID_2025, new String[][] {{"0", "", "4.00", "3.00", "2.00"}}), Set.of());
        LocalDate day = LocalDate.of(2026, 3, 5);
        // Hugo eats at the leisure centre only; at the canteen Léa is the eldest user, hence rank 1
        List<BookedDay> days = List.of(new BookedDay(HUGO.id(), 10, day, false), new BookedDay(CHLOE.id(), 30, day, false),
                new BookedDay(LEA.id(), 30, day, false));

        Pricing.Result result = pricing.price(input(List.of(qf(300)), List.of(CHLOE, LEA, HUGO),
                Map.of(10L, leisure(), 30L, canteen), days));

        assertThat(result.lines()).extracting(Pricing.Line::childName, Pricing.Line::activityName, Pricing.Line::siblingRank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Hugo DUPONT", "Centre de loisirs", 1),
                        org.assertj.core.groups.Tuple.tuple("Léa DUPONT", "Restauration scolaire", 1),
                        org.assertj.core.groups.Tuple.tuple("Chloé DUPONT", "Restauration scolaire", 2));

        Pricing youngestFirst = new Pricing(SiblingRankRule.YOUNGEST_FIRST);
        assertThat(youngestFirst.price(input(List.of(qf(300)), List.of(CHLOE, LEA, HUGO), Map.of(10L, leisure(), 30L, canteen), days))
                .lines()).filteredOn(l -> l.childId() == CHLOE.id()).singleElement()
                .extracting(Pricing.Line::siblingRank).isEqualTo(1);
    }

    @Test
    void aNewTariffVersionAppliesFromItsFirstDay() {
        List<Tariff> tariff = new ArrayList<>(LEISURE_GRID);
        tariff.addAll(grid(LocalDate.of(2026, 3, 16), new String[][] {{"0", "", "10.00", "10.00", "10.00"}}));
        Activity leisure = new Activity(10, "Centre de loisirs", "journée", true, tariff, Set.of());
        List<BookedDay> days = List.of(new BookedDay(HUGO.id(), 10, LocalDate.of(2026, 3, 11), false),
                new BookedDay(HUGO.id(), 10, LocalDate.of(2026, 3, 18), false),
                new BookedDay(HUGO.id(), 10, LocalDate.of(2026, 3, 25), false));

        Pricing.Result result = pricing.price(input(List.of(qf(700)), List.of(HUGO), Map.of(10L, leisure), days));

        assertThat(result.lines()).extracting(Pricing.Line::quantity, Pricing.Line::unitPrice)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("9.00")),
                        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("10.00")));
        assertThat(result.total()).isEqualByComparingTo("29.00");
    }

    @Test
    void onlyTheTotalIsRoundedOnceToTheCent() {
        // three lines of 0.335 €: rounding each line would give 1.02 €, the exact sum 1.005 € rounds to 1.01 €
        Activity a = new Activity(40, "Goûter", "séance", false, grid(GRID_2025, new String[][] {{"0", "", "0.335", "0.335", "0.335"}}), Set.of());
        Activity b = new Activity(41, "Atelier", "séance", false, grid(GRID_2025, new String[][] {{"0", "", "0.335", "0.335", "0.335"}}), Set.of());
        Activity c = new Activity(42, "Étude", "séance", false, grid(GRID_2025, new String[][] {{"0", "", "0.335", "0.335", "0.335"}}), Set.of());
        LocalDate day = MARCH.atDay(3);
        List<BookedDay> days = List.of(new BookedDay(HUGO.id(), 40, day, false), new BookedDay(HUGO.id(), 41, day, false),
                new BookedDay(HUGO.id(), 42, day, false));

        Pricing.Result result = pricing.price(input(List.of(qf(100)), List.of(HUGO), Map.of(40L, a, 41L, b, 42L, c), days));

        assertThat(result.total()).isEqualTo(new BigDecimal("1.01"));
        assertThat(result.lines()).extracting(Pricing.Line::amount).allSatisfy(x -> assertThat(x).isEqualByComparingTo("0.335"));
    }

    @Test
    void aQuotientValidFromTheMiddleOfTheMonthStillApplies() {
        Quotient late = new Quotient(500, LocalDate.of(2026, 3, 12), null);
        Pricing.Result result = pricing.price(input(List.of(late), List.of(HUGO), Map.of(10L, leisure()),
                List.of(new BookedDay(HUGO.id(), 10, LocalDate.of(2026, 3, 4), false))));

        assertThat(result.quotient()).isEqualTo(500);
        assertThat(result.total()).isEqualByComparingTo("5.00");
    }

    @Test
    void aDayWithoutTariffStopsWithAClearMessage() {
        Activity noGrid = new Activity(50, "Stage poney", "journée", true, List.of(), Set.of());
        PricingInput input = input(List.of(qf(100)), List.of(HUGO), Map.of(50L, noGrid),
                List.of(new BookedDay(HUGO.id(), 50, LocalDate.of(2026, 3, 4), false)));

        assertThatThrownBy(() -> pricing.price(input)).hasMessageContaining("Tarif manquant pour « Stage poney » le 04/03/2026");
    }

    @Test
    void nothingBookedGivesAnEmptyResult() {
        assertThat(pricing.price(input(List.of(qf(100)), List.of(HUGO), Map.of(10L, leisure()), List.of())).isEmpty()).isTrue();
    }

    // ---- billing on attendance: each state of a day by the activity's rule ----

    static final LocalDate MON_2 = LocalDate.of(2026, 3, 2);

    static BookedDay on(int dayOfMonth, PricingInput.Presence presence) {
        return new BookedDay(HUGO.id(), 10, MARCH.atDay(dayOfMonth), false, true, presence);
    }

    static Activity leisureWith(AttendanceBillingRule rule) {
        return new Activity(10, "Centre de loisirs", "journée", true, LEISURE_GRID, Set.of(), rule);
    }

    @ParameterizedTest(name = "{0} under the default rule: billed {1}, why « {2} »")
    @CsvSource({
            "PRESENT,            true,  présent",
            "NO_ENTRY,           true,  'réservé, sans pointage'",
            "ABSENT_UNJUSTIFIED, true,  absence non justifiée",
            "ABSENT_JUSTIFIED,   false, absence justifiée"})
    void eachStateOfTheSheetUnderTheDefaultRule(PricingInput.Presence presence, boolean billed, String why) {
        Pricing.Result result = pricing.price(input(List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(AttendanceBillingRule.DEFAULT)),
                List.of(on(4, presence), on(5, PricingInput.Presence.PRESENT))));

        assertThat(result.total()).isEqualByComparingTo(billed ? "18.00" : "9.00");
        assertThat(result.days()).singleElement().satisfies(n -> {
            if (billed) {
                assertThat(n.billed()).contains(why + " : " + (presence == PricingInput.Presence.PRESENT ? "4, 5" : "4"));
                assertThat(n.notBilled()).isEmpty();
            } else {
                assertThat(n.billed()).isEqualTo("présent : 5");
                assertThat(n.notBilled()).isEqualTo(why + " : 4");
            }
        });
    }

    @Test
    void aJustifiedAbsenceOfFourDaysWithTwoWaitingDaysBillsItsFirstTwoDaysOnly() {
        AttendanceBillingRule rule = new AttendanceBillingRule(false, 2, true, true, BigDecimal.ZERO);
        var J = PricingInput.Presence.ABSENT_JUSTIFIED;
        // an illness from the 9th to the 12th (four booked days), then another one-day absence on the 16th after a present day
        List<BookedDay> days = List.of(on(2, PricingInput.Presence.PRESENT), on(9, J), on(10, J), on(11, J), on(12, J),
                on(13, PricingInput.Presence.PRESENT), on(16, J));

        Pricing.Result result = pricing.price(input(List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)), days));

        // billed: 2, 13 (present), 9, 10 (waiting days), 16 (the first day of the next absence) = 5 days × 9.00
        assertThat(result.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(5));
        assertThat(result.total()).isEqualByComparingTo("45.00");
        assertThat(result.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("présent : 2, 13 ; jour de carence : 9, 10, 16");
            assertThat(n.notBilled()).isEqualTo("absence justifiée : 11, 12");
        });
    }

    @Test
    void anAbsenceFromThe30thToThe3rdCountsTheWaitingDaysAlreadyUsedInTheMonthBefore() {
        AttendanceBillingRule rule = new AttendanceBillingRule(false, 3, true, true, BigDecimal.ZERO);
        var J = PricingInput.Presence.ABSENT_JUSTIFIED;
        YearMonth april = YearMonth.of(2026, 4);
        // ill from Monday 30 March to Friday 3 April, present on the 27th before and on the 6th after
        List<BookedDay> march = List.of(new BookedDay(HUGO.id(), 10, MARCH.atDay(27), false, true, PricingInput.Presence.PRESENT),
                new BookedDay(HUGO.id(), 10, MARCH.atDay(30), false, true, J), new BookedDay(HUGO.id(), 10, MARCH.atDay(31), false, true, J));
        List<BookedDay> days = List.of(new BookedDay(HUGO.id(), 10, april.atDay(1), false, true, J),
                new BookedDay(HUGO.id(), 10, april.atDay(2), false, true, J), new BookedDay(HUGO.id(), 10, april.atDay(3), false, true, J),
                new BookedDay(HUGO.id(), 10, april.atDay(6), false, true, PricingInput.Presence.PRESENT));

        Pricing.Result result = pricing.price(new PricingInput(april, List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)),
                days, march));

        // the 30th and the 31st were its first two waiting days: only the 1st is the third, the 2nd and 3rd are not billed
        assertThat(result.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("présent : 6 ; jour de carence : 1");
            assertThat(n.notBilled()).isEqualTo("absence justifiée : 2, 3");
        });
        assertThat(result.total()).isEqualByComparingTo("18.00");
        assertThat(Pricing.billedDays(new PricingInput(april, List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)), days, march)))
                .extracting(BookedDay::day).containsExactlyInAnyOrder(april.atDay(1), april.atDay(6));

        // priced on its own month, the same absence would bill three waiting days in April
        Pricing.Result alone = pricing.price(new PricingInput(april, List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)), days));
        assertThat(alone.days()).singleElement().satisfies(n -> assertThat(n.billed()).isEqualTo("présent : 6 ; jour de carence : 1, 2, 3"));
    }

    @Test
    void anAbsenceOfTheMonthBeforeEndedByAPresentDayUsesNoWaitingDayOfTheMonth() {
        AttendanceBillingRule rule = new AttendanceBillingRule(false, 1, true, true, BigDecimal.ZERO);
        var J = PricingInput.Presence.ABSENT_JUSTIFIED;
        YearMonth april = YearMonth.of(2026, 4);
        List<BookedDay> march = List.of(new BookedDay(HUGO.id(), 10, MARCH.atDay(30), false, true, J),
                new BookedDay(HUGO.id(), 10, MARCH.atDay(31), false, true, PricingInput.Presence.PRESENT));
        List<BookedDay> days = List.of(new BookedDay(HUGO.id(), 10, april.atDay(1), false, true, J),
                new BookedDay(HUGO.id(), 10, april.atDay(2), false, true, J));

        Pricing.Result result = pricing.price(new PricingInput(april, List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)),
                days, march));

        assertThat(result.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("jour de carence : 1");
            assertThat(n.notBilled()).isEqualTo("absence justifiée : 2");
        });
    }

    @Test
    void aRuleMayBillJustifiedAbsencesAndSpareUnjustifiedOnesAndLateCancellations() {
        AttendanceBillingRule rule = new AttendanceBillingRule(true, 0, false, false, BigDecimal.ZERO);
        List<BookedDay> days = List.of(on(4, PricingInput.Presence.ABSENT_JUSTIFIED), on(5, PricingInput.Presence.ABSENT_UNJUSTIFIED),
                new BookedDay(HUGO.id(), 10, MARCH.atDay(6), true, true, PricingInput.Presence.NO_ENTRY));

        Pricing.Result result = pricing.price(input(List.of(qf(700)), List.of(HUGO), Map.of(10L, leisureWith(rule)), days));

        assertThat(result.total()).isEqualByComparingTo("9.00");
        assertThat(result.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("absence justifiée : 4");
            assertThat(n.notBilled()).isEqualTo("absence non justifiée : 5 ; annulation hors délai : 6");
        });
    }

    @Test
    void aChildPresentWithoutABookingPaysTheDayPricePlusTheSurchargeOnALineOfItsOwn() {
        AttendanceBillingRule rule = new AttendanceBillingRule(false, 0, true, true, new BigDecimal("2.35"));
        List<BookedDay> days = List.of(on(4, PricingInput.Presence.PRESENT),
                new BookedDay(HUGO.id(), 10, MARCH.atDay(5), false, false, PricingInput.Presence.PRESENT),
                new BookedDay(HUGO.id(), 10, MARCH.atDay(6), false, false, PricingInput.Presence.PRESENT));

        Pricing.Result result = pricing.price(input(List.of(qf(1500)), List.of(HUGO), Map.of(10L, leisureWith(rule)), days));

        assertThat(result.lines()).extracting(Pricing.Line::activityName, Pricing.Line::quantity, l -> l.unitPrice().toPlainString(),
                        l -> l.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Centre de loisirs", 3, "14.00", "42.00"),
                        org.assertj.core.groups.Tuple.tuple("Centre de loisirs" + Pricing.SURCHARGE, 2, "2.35", "4.70"));
        assertThat(result.total()).isEqualByComparingTo("46.70");
        assertThat(result.days()).singleElement().satisfies(n -> assertThat(n.billed()).isEqualTo("présent : 4 ; présent sans réservation : 5, 6"));
    }

    @Test
    void aClosureDayIsListedAsNotBilledAndDoesNotBreakAnAbsenceInARow() {
        AttendanceBillingRule rule = new AttendanceBillingRule(false, 1, true, true, BigDecimal.ZERO);
        var J = PricingInput.Presence.ABSENT_JUSTIFIED;
        Activity leisure = new Activity(10, "Centre de loisirs", "journée", true, LEISURE_GRID, Set.of(MARCH.atDay(10)), rule);
        List<BookedDay> days = List.of(on(9, J), on(10, J), on(11, J));

        Pricing.Result result = pricing.price(input(List.of(qf(300)), List.of(HUGO), Map.of(10L, leisure), days));

        assertThat(result.total()).isEqualByComparingTo("5.00");
        assertThat(result.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("jour de carence : 9");
            assertThat(n.notBilled()).isEqualTo("absence justifiée : 11 ; fermeture : 10");
        });
    }

    static Activity leisure() {
        return new Activity(10, "Centre de loisirs", "journée", true, LEISURE_GRID, Set.of());
    }

    static Quotient qf(int value) {
        return new Quotient(value, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    static PricingInput input(List<Quotient> quotients, List<Child> children, Map<Long, Activity> activities, List<BookedDay> days) {
        return new PricingInput(MARCH, quotients, children, activities, days);
    }

    static List<Tariff> grid(LocalDate from, String[][] rows) {
        List<Tariff> lines = new ArrayList<>();
        for (String[] row : rows) {
            Integer max = row[1].isEmpty() ? null : Integer.valueOf(row[1]);
            for (int rank = 1; rank <= 3; rank++) {
                lines.add(new Tariff(from, Integer.parseInt(row[0]), max, rank, new BigDecimal(row[1 + rank])));
            }
        }
        return lines;
    }
}
