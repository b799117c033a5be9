package fr.portailfamille.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages of the reminders: the family's « Facturation » shows its own invoice's reminders and no
 * other family's; the finances' late invoices with the age, activity and family filters and the
 * totals; the staff family page lists the reminders sent; the day's letters as a PDF; a payment
 * plan's instalments on its family's « Facturation » and staff page, and on no other family's.
 */
class DunningPagesTest extends PortalIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2031, 3, 3);
    static final String PASSWORD = "Relances-Famille-2031";

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired UnpaidInvoiceStarter starter;
    @Autowired RuntimeService runtime;
    @Autowired PasswordEncoder encoder;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachFamilySeesItsOwnReminders_theFinancesSeeTheLateInvoices() {
        TwoFamilies two = twoFamilies("RAPPELEE", "38.60", "VOISINE", "11.00");
        DunningFixtures data = two.data();
        long reminded = two.family();
        PendingInvoice invoice = two.invoice();
        PendingInvoice otherInvoice = two.otherInvoice();
        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(two.process().getId());
        ClockUtil.reset();

        WebSession family = signedIn(two.username());
        WebSession neighbour = signedIn(two.otherUsername());
        WebSession finances = finances();

        at(LocalDate.of(2031, 3, 20).atTime(10, 0));
        WebSession.Page page = family.get("/facturation");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("#facture-" + invoice.id() + " .invoice-follow-up").text())
                .isEqualTo("1re relance envoyée par courriel le 13/03/2031");
        WebSession.Page neighbours = neighbour.get("/facturation");
        assertThat(neighbours.text()).contains(otherInvoice.number()).doesNotContain(invoice.number()).doesNotContain("relance envoyée");

        // the late invoices: 17 days late, in the 0-30 band, found by family number and by activity
        List<String> rows = lateRows(finances, "");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(invoice.number(), "RAPPELEE", "Restauration scolaire", "03/03/2031",
                " 17 ", "38,60 €", "relances en cours", "1re relance le 13/03/2031"));
        assertThat(lateRows(finances, "?anciennete=0-30&famille=" + data.numberOf(reminded)))
                .singleElement().asString().contains(invoice.number());
        assertThat(lateRows(finances, "?anciennete=31-60&famille=" + data.numberOf(reminded))).isEmpty();
        assertThat(lateRows(finances, "?famille=rappelee&activite=Restauration+scolaire")).anySatisfy(r -> assertThat(r).contains(invoice.number()));
        assertThat(lateRows(finances, "?famille=rappelee&activite=Centre+de+loisirs")).isEmpty();
        WebSession.Page filtered = finances.get("/agent/relances?famille=" + data.numberOf(reminded));
        assertThat(filtered.doc().select("table").first().text()).contains("0 à 30 jours 1 38,60 €", "31 à 60 jours 0 0,00 €");
        assertThat(filtered.doc().select("caption").text()).contains("1 facture(s) impayée(s), reste dû 38,60 €");

        // the staff family page: the reminders sent
        Element section = finances.get("/agent/dossiers/" + data.numberOf(reminded)).doc().selectFirst("section:has(h2#relances)");
        assertThat(section).isNotNull();
        assertThat(section.text()).contains("13/03/2031", invoice.number(), "1re relance", "par courriel", "38,60 €");

        // the day's letters (none that day for these families: both have an e-mail address), and a bad day is a 400
        WebSession.Page letters = finances.get("/agent/relances/courriers.pdf?jour=2031-03-13");
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.header("Content-Type")).startsWith("application/pdf");
        assertThat(finances.get("/agent/relances/courriers.pdf?jour=99999-01-01").status()).isEqualTo(400);
    }

    @Test
    void aPlanIsShownToItsFamilyAndOnItsStaffPage_anotherFamilySeesNoneOfIt() {
        TwoFamilies two = twoFamilies("ECHELONNEE", "50.00", "DISTINCTE", "14.00");
        PendingInvoice invoice = two.invoice();
        ProcessInstance pi = two.process();
        at(LocalDate.of(2031, 3, 13).atTime(9, 30));
        jobs().executeDue(pi.getId());
        at(LocalDate.of(2031, 4, 2).atTime(9, 30));
        jobs().executeDue(pi.getId());
        grantPlan(pi, "05/05/2031 20,00\n05/06/2031 30,00");
        ClockUtil.reset();

        WebSession family = signedIn(two.username());
        WebSession neighbour = signedIn(two.otherUsername());
        WebSession finances = finances();

        at(LocalDate.of(2031, 4, 10).atTime(10, 0));
        List<String> lines = family.get("/facturation").doc().select("#facture-" + invoice.id() + " .invoice-follow-up li").eachText();
        assertThat(lines).containsExactly("1re relance envoyée par courriel le 13/03/2031", "2e relance envoyée par courriel le 02/04/2031",
                "Échéancier, échéance 1 : 20,00 € à payer le 05/05/2031 (à venir)",
                "Échéancier, échéance 2 : 30,00 € à payer le 05/06/2031 (à venir)");
        WebSession.Page neighbours = neighbour.get("/facturation");
        assertThat(neighbours.text()).contains(two.otherInvoice().number()).doesNotContain(invoice.number()).doesNotContain("Échéancier")
                .doesNotContain("relance envoyée");
        assertThat(neighbours.doc().select(".invoice-follow-up")).isEmpty();

        // the staff family pages: the plan's family shows its reminders and instalments, the other family none of them
        Element mine = finances.get("/agent/dossiers/" + two.data().numberOf(two.family())).doc().selectFirst("section:has(h2#relances)");
        assertThat(mine).isNotNull();
        assertThat(mine.select("table").get(0).select("tbody tr").eachText()).containsExactly(
                "13/03/2031 " + invoice.number() + " 1re relance par courriel 50,00 €",
                "02/04/2031 " + invoice.number() + " 2e relance par courriel 50,00 €");
        assertThat(mine.select("table").get(1).select("tbody tr").eachText()).containsExactly(
                invoice.number() + " 1 05/05/2031 20,00 € à venir", invoice.number() + " 2 05/06/2031 30,00 € à venir");
        Element theirs = finances.get("/agent/dossiers/" + two.data().numberOf(two.other())).doc().selectFirst("section:has(h2#relances)");
        assertThat(theirs).isNotNull();
        assertThat(theirs.text()).isEqualTo("Relances Aucune relance envoyée.");
    }

    /** Two families, each with a portal account and one invoice due on {@link #DUE}, both followed by their process. */
    private record TwoFamilies(DunningFixtures data, long family, String username, PendingInvoice invoice, ProcessInstance process,
            long other, String otherUsername, PendingInvoice otherInvoice) {}

    private TwoFamilies twoFamilies(String name, String total, String otherName, String otherTotal) {
        DunningFixtures data = new DunningFixtures(jdbc, transaction, events, starter, runtime);
        at(DUE.minusDays(20).atTime(10, 0));
        long family = data.family(name, true);
        String username = data.account(family, encoder.encode(PASSWORD));
        PendingInvoice invoice = data.invoice(family, DUE, total);
        long other = data.family(otherName, true);
        String otherUsername = data.account(other, encoder.encode(PASSWORD));
        PendingInvoice otherInvoice = data.invoice(other, DUE, otherTotal);
        ProcessInstance process = data.follow(invoice);
        data.follow(otherInvoice);
        return new TwoFamilies(data, family, username, invoice, process, other, otherUsername, otherInvoice);
    }

    private WebSession signedIn(String username) {
        WebSession session = session();
        session.login(username, PASSWORD);
        return session;
    }

    private WebSession finances() {
        WebSession finances = session();
        finances.follow(finances.submit(finances.get("/agent/connexion"), "form", Map.of("username", "finances", "password", "demo")));
        return finances;
    }

    /** « Émettre un titre de recette » completed by finances with a payment plan, as in Tasklist. */
    private void grantPlan(ProcessInstance pi, String plan) {
        List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember("finances").list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        String task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(UnpaidInvoiceProcess.TASK_DECIDE).singleResult().getId();
        processEngine.getIdentityService().setAuthentication("finances", groups);
        try {
            processEngine.getTaskService().complete(task, Map.of(UnpaidInvoiceProcess.DECISION.name(), UnpaidInvoiceProcess.DECISION_PLAN,
                    UnpaidInvoiceProcess.PLAN_TEXT.name(), plan));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> lateRows(WebSession finances, String query) {
        WebSession.Page page = finances.get("/agent/relances" + query);
        assertThat(page.status()).isEqualTo(200);
        return page.doc().select("table.late-invoices tbody tr").stream().map(e -> " " + e.text() + " ").toList();
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(PortalTime.ZONE).toInstant()));
    }
}
