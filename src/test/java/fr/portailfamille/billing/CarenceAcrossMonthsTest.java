package fr.portailfamille.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * « Jours de carence » across the turn of a month, read from the database as the monthly run reads
 * it: a 3-day carence and an absence from Monday 30 March to Friday 3 April 2026 (the 30th accepted
 * on the family's declaration, the other days ticked « absent justifié » on the sheets) bill the
 * 30th and 31st in March and only the 1st in April.
 */
class CarenceAcrossMonthsTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired BillingSource source;

    @Test
    void aprilCountsTheWaitingDaysTheAbsenceUsedInMarch() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long leisure = fixtures.activity("Centre de loisirs carence");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        jdbc.update("update activity set waiting_days = 3, bill_justified_absence = false where id = ?", leisure);
        long family = fixtures.family("CARENCE");
        fixtures.quotient(family, 500, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31));
        long child = fixtures.child(family, "Eli", LocalDate.of(2017, 2, 2));
        LocalDate[] absent = {LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2),
                LocalDate.of(2026, 4, 3)};
        LocalDate presentBefore = LocalDate.of(2026, 3, 27);
        LocalDate presentAfter = LocalDate.of(2026, 4, 6);
        for (LocalDate day : List.of(presentBefore, presentAfter)) {
            fixtures.book(family, child, leisure, day, "BOOKED");
            fixtures.entry(fixtures.sheet(leisure, day, "CLOSED"), family, child, "PRESENT");
        }
        fixtures.book(family, child, leisure, absent[0], "BOOKED");
        fixtures.acceptedAbsence(family, child, leisure, absent[0]);
        for (int i = 1; i < absent.length; i++) {
            fixtures.book(family, child, leisure, absent[i], "BOOKED");
            fixtures.entry(fixtures.sheet(leisure, absent[i], "CLOSED"), family, child, "ABSENT_JUSTIFIED");
        }
        Pricing pricing = new Pricing(SiblingRankRule.ELDEST_FIRST);

        Pricing.Result march = pricing.price(source.monthsOf(List.of(family), YearMonth.of(2026, 3)).get(0).input());
        assertThat(march.days()).singleElement().satisfies(n -> assertThat(n.billed()).isEqualTo("présent : 27 ; jour de carence : 30, 31"));
        assertThat(march.total()).isEqualByComparingTo("30.00");

        Pricing.Result april = pricing.price(source.monthsOf(List.of(family), YearMonth.of(2026, 4)).get(0).input());
        assertThat(april.days()).singleElement().satisfies(n -> {
            assertThat(n.billed()).isEqualTo("présent : 6 ; jour de carence : 1");
            assertThat(n.notBilled()).isEqualTo("absence justifiée : 2, 3");
        });
        assertThat(april.total()).isEqualByComparingTo("20.00");
    }
}
