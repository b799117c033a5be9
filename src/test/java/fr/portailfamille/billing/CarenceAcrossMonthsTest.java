package fr.portailfamille.billing;

import static org.assertj.core.api.Assertions.assertThat;

import static fr.portailfamille.billing.MonthlyBillingProcess.KEY;
import static fr.portailfamille.billing.MonthlyBillingProcess.MONTH;
import static fr.portailfamille.billing.MonthlyBillingProcess.PUBLISH;
import static fr.portailfamille.billing.MonthlyBillingProcess.TASK_REVIEW;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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

    /**
     * April published with three waiting days (March's absence was not known yet); then the service
     * accepts the 30th and 31st of March: the next run credits April's 2nd and 3rd, though April's own
     * attendance did not change.
     */
    @Test
    void anAbsenceAcceptedLateInTheMonthBeforeCreditsTheWaitingDaysItNoLongerNeeds() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long leisure = fixtures.activity("Centre de loisirs carence tardive");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        jdbc.update("update activity set waiting_days = 3, bill_justified_absence = false where id = ?", leisure);
        long family = fixtures.family("TARDIVE");
        fixtures.quotient(family, 500, LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31));
        long child = fixtures.child(family, "Mia", LocalDate.of(2015, 6, 6));
        YearMonth march = YearMonth.of(2020, 3);
        YearMonth april = YearMonth.of(2020, 4);
        for (int day : new int[] {30, 31}) {
            fixtures.book(family, child, leisure, march.atDay(day), "BOOKED");
        }
        for (int day : new int[] {1, 2, 3}) {
            fixtures.book(family, child, leisure, april.atDay(day), "BOOKED");
            fixtures.entry(fixtures.sheet(leisure, april.atDay(day), "CLOSED"), family, child, "ABSENT_JUSTIFIED");
        }
        publish(march);
        publish(april);
        long aprilInvoice = jdbc.queryForObject("select id from invoice where family_file_id = ? and month = '2020-04' and state = 'PENDING'",
                Long.class, family);
        assertThat(jdbc.queryForObject("select total from invoice where id = ?", BigDecimal.class, aprilInvoice))
                .as("three waiting days billed in April").isEqualByComparingTo("30.00");

        // after April's publication, the service accepts the absence of the 30th and 31st of March
        fixtures.acceptedAbsence(family, child, leisure, march.atDay(30));
        fixtures.acceptedAbsence(family, child, leisure, march.atDay(31));
        publish(YearMonth.of(2020, 5));

        assertThat(jdbc.queryForObject("select total from invoice where id = ?", BigDecimal.class, aprilInvoice))
                .as("the published invoice never changes").isEqualByComparingTo("30.00");
        assertThat(jdbc.queryForObject("select amount from credit_note where invoice_id = ?", BigDecimal.class, aprilInvoice))
                .as("April's 2nd and 3rd credited").isEqualByComparingTo("20.00");
        assertThat(jdbc.queryForObject("select count(*) from credit_note n join invoice i on i.id = n.invoice_id"
                + " where i.family_file_id = ? and i.month = '2020-03'", Integer.class, family))
                .as("March bills the same: its two days are waiting days now").isZero();
    }

    private void publish(YearMonth month) {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance instance = processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), month.toString()));
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        complete(task(instance), withVariables(PUBLISH.name(), true));
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isEnded();
    }
}
