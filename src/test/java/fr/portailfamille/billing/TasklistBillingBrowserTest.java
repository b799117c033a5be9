package fr.portailfamille.billing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StaffBrowser;
import fr.portailfamille.support.WebSession;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The finance service's month, in the real Tasklist: `finances` starts « Facturation mensuelle »
 * with its start form (the month), reviews the run's totals in « Contrôler la facturation » and
 * publishes; the family then sees its new pending invoice on « Facturation » and downloads its PDF.
 */
class TasklistBillingBrowserTest extends PortalIntegrationTest {

    private static final YearMonth MONTH = YearMonth.of(2022, 5);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void financesRunsAndPublishesAMonthInTasklistAndTheFamilySeesItsInvoice() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long leisure = fixtures.activity("Centre de loisirs (Tasklist)");
        fixtures.grid(leisure, BillingFixtures.GRID_FROM, "10.00", "8.00", "20.00", "16.00");
        long family = fixtures.family("BERNARD");
        fixtures.quotient(family, 500, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        long child = fixtures.child(family, "Inès", LocalDate.of(2016, 4, 4));
        fixtures.book(family, child, leisure, MONTH.atDay(4), "BOOKED");
        fixtures.book(family, child, leisure, MONTH.atDay(11), "BOOKED");
        String username = fixtures.account(family, encoder.encode("Facturation-Tasklist-2022"));

        try (StaffBrowser agent = StaffBrowser.signedIn(BASE_URL, "finances", "demo")) {
            Page tasklist = agent.tasklist();

            tasklist.getByText("Lancer une démarche").click();
            tasklist.getByText("Facturation mensuelle").first().click();
            tasklist.getByLabel("Mois à facturer").fill(MONTH.toString());
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer").setExact(true)).click();

            ProcessInstance run = runOf(MONTH);
            jobs().executeDue(run.getId());   // the drafts (an asynchronous step: the job executor is off in tests)

            // the review task, opened by its Tasklist link: the finances' list holds the tasks every other
            // test left open, and this one need not be on its first screen
            String review = processEngine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult().getId();
            tasklist.navigate("/camunda/app/tasklist/default/#/?task=" + review);
            tasklist.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
            tasklist.getByLabel("Publier les factures").check();
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer").setExact(true)).click();
            tasklist.getByText("Choisissez une tâche dans la liste.").or(tasklist.getByText("Aucune tâche ne correspond à ce filtre.")).first().waitFor();
            jobs().executeDue(run.getId());   // numbers, PDFs and mails
        }

        String state = jdbc.queryForObject("select state from invoice where family_file_id = ? and month = ?", String.class,
                family, MONTH.toString());
        assertThat(state).isEqualTo("PENDING");
        WebSession parent = session();
        parent.login(username, "Facturation-Tasklist-2022");
        WebSession.Page page = parent.get("/facturation");
        assertThat(page.text()).contains("mai 2022").contains("20,00 €");
        String pdf = page.doc().select("a[href$=/pdf]").first().attr("href");
        assertThat(parent.get(pdf).status()).isEqualTo(200);
    }

    /** The run Tasklist started (the start form is submitted asynchronously by the page: wait for it). */
    private ProcessInstance runOf(YearMonth month) {
        for (int attempt = 0; attempt < 100; attempt++) {
            var runs = processEngine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(MonthlyBillingProcess.KEY).variableValueEquals(MonthlyBillingProcess.MONTH.name(), month.toString())
                    .active().list();
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Tasklist did not start the billing of " + month);
    }
}
