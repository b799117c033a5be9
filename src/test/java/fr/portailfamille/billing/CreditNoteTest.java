package fr.portailfamille.billing;

import static fr.portailfamille.billing.MonthlyBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.portailfamille.support.PortalIntegrationTest;
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
 * Attendance corrected after its invoice was published: the invoice never changes; the next run
 * issues a credit note (own gapless numbers, PDF) for the days no longer billed, and bills what was
 * missing on a line « régularisation » of the family's next invoice; a later run corrects only what
 * changed since.
 */
class CreditNoteTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Autowired
    java.time.Clock clock;

    @Test
    void aCorrectionAfterPublicationGivesACreditNoteAndALineOnTheNextInvoiceNeverAChangedInvoice() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        YearMonth march = YearMonth.of(2025, 3);
        long leisure = fixtures.activity("Centre de loisirs avoirs");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        long faure = fixtures.family("FAURE");
        fixtures.quotient(faure, 500, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        long lou = fixtures.child(faure, "Lou", LocalDate.of(2016, 5, 5));
        long noa = fixtures.child(faure, "Noa", LocalDate.of(2019, 5, 5));
        for (int day = 3; day <= 7; day++) {
            fixtures.book(faure, lou, leisure, march.atDay(day), "BOOKED");
            fixtures.entry(fixtures.sheet(leisure, march.atDay(day), "CLOSED"), faure, lou, "PRESENT");
        }
        publish("2025-03");
        Map<String, Object> invoice = jdbc.queryForMap("select id, number, total, pdf from invoice where family_file_id = ? and month = '2025-03'", faure);
        assertThat(invoice.get("total")).hasToString("50.00");

        // after publication: the service accepts Lou's absence on the 5th and 6th (the sheet is corrected too),
        // and Noa turns out to have come on the 10th without a booking
        jdbc.update("update attendance_entry set status = 'ABSENT_JUSTIFIED', recorded_at = now() where child_id = ? and sheet_id in "
                + "(select id from attendance_sheet where activity_id = ? and day in (?, ?))", lou, leisure, march.atDay(5), march.atDay(6));
        fixtures.acceptedAbsence(faure, lou, leisure, march.atDay(5));
        fixtures.entry(fixtures.sheet(leisure, march.atDay(10), "CLOSED"), faure, noa, "PRESENT_UNBOOKED");

        ProcessInstance april = publish("2025-04");
        BpmnAwareTests.assertThat(april).variables().containsEntry(RUN_CREDIT_NOTES.name(), "1 avoir(s), 20,00 €")
                .containsEntry(RUN_REGULARISATIONS.name(), "1 facture(s) avec régularisation, 8,00 €")
                .containsEntry(RUN_NET_AMOUNT.name(), "-12,00 €");
        // the run's page tells finances the same: April bills 8,00 € (Noa's day), less the 20,00 € credited on March
        long aprilRun = jdbc.queryForObject("select max(id) from billing_run where month = '2025-04'", Long.class);
        var finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));
        String facts = finances.get("/agent/facturation/" + aprilRun).doc().select("dl.facts").text();
        assertThat(facts).contains("Montant 8,00 €", "Avoirs 1 avoir(s), 20,00 €",
                "Régularisations 1 facture(s) avec régularisation, 8,00 €", "Montant net (factures moins avoirs) -12,00 €");

        // the published invoice is untouched: same total, same lines, same PDF; the credit note is deducted like a payment
        Map<String, Object> after = jdbc.queryForMap("select number, total, pdf, paid_amount from invoice where id = ?", invoice.get("id"));
        assertThat(after.get("number")).isEqualTo(invoice.get("number"));
        assertThat(after.get("total")).hasToString("50.00");
        assertThat((byte[]) after.get("pdf")).isEqualTo((byte[]) invoice.get("pdf"));
        assertThat(after.get("paid_amount")).hasToString("20.00");
        Map<String, Object> note = jdbc.queryForMap("select number, amount, pdf from credit_note where invoice_id = ?", invoice.get("id"));
        int year = LocalDate.now(clock).getYear();
        assertThat((String) note.get("number")).matches("AV-" + year + "-\\d{6}");
        assertThat(note.get("amount")).hasToString("20.00");
        String text = PdfText.of((byte[]) note.get("pdf")).replaceAll("\\s+", " ");
        assertThat(text).contains("Avoir n° " + note.get("number")).contains("Facture corrigée : n° " + invoice.get("number"))
                .contains("Lou FAURE").contains("absence justifiée : 5, 6").contains("Montant de l'avoir : 20,00 €");
        // what was missing is billed on April's invoice, as a line of its own (Noa is the second child: 8,00 € a day)
        assertThat(jdbc.queryForList("""
                select l.child_name || '|' || l.activity_name || '|' || l.amount from invoice_line l join invoice i on i.id = l.invoice_id
                where i.family_file_id = ? and i.month = '2025-04'
                """, String.class, faure))
                .containsExactly("Noa FAURE|Centre de loisirs avoirs – régularisation de mars 2025|8.0000");

        // a second correction later: only the new day is credited, with the next credit-note number
        fixtures.acceptedAbsence(faure, lou, leisure, march.atDay(7));
        jdbc.update("update attendance_entry set status = 'ABSENT_JUSTIFIED', recorded_at = now() where child_id = ? and sheet_id = "
                + "(select id from attendance_sheet where activity_id = ? and day = ?)", lou, leisure, march.atDay(7));
        ProcessInstance may = publish("2025-05");
        BpmnAwareTests.assertThat(may).variables().containsEntry(RUN_CREDIT_NOTES.name(), "1 avoir(s), 10,00 €");
        List<String> numbers = jdbc.queryForList("select number from credit_note where invoice_id = ? order by id", String.class,
                invoice.get("id"));
        assertThat(numbers).hasSize(2);
        assertThat(sequence(numbers.get(1)) - sequence(numbers.get(0))).as("gapless").isEqualTo(1);
        assertThat(jdbc.queryForObject("select total from invoice where id = ?", java.math.BigDecimal.class, invoice.get("id")))
                .isEqualByComparingTo("50.00");

        // the family finds both credit notes in its history
        String family = fixtures.account(faure, encoder.encode("Avoirs-2026!"));
        var session = session();
        session.login(family, "Avoirs-2026!");
        var history = session.get("/facturation/historique");
        assertThat(history.text()).contains(numbers.get(0)).contains(numbers.get(1)).contains("Avoirs");
        String link = history.doc().select("a[href*=/facturation/avoirs/]").first().attr("href");
        assertThat(session.get(link).status()).isEqualTo(200);
    }

    private ProcessInstance publish(String month) {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance instance = processEngine.getFormService().submitStartForm(definitionId, Map.of(MONTH.name(), month));
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW);
        complete(task(instance), withVariables(PUBLISH.name(), true));
        jobs().executeDue(instance.getId());
        BpmnAwareTests.assertThat(instance).isEnded();
        return instance;
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }
}
