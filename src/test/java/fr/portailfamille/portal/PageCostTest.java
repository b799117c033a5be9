package fr.portailfamille.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StatementCounter;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the families' busiest pages cost the database, counted on the second visit of the demo family
 * DUPONT (caches warm, as on a server up for hours): SQL statements, transactions, reads and writes of
 * the HTTP session. Each page has a budget; a change that makes a page dearer fails here, and the
 * figures are those of the table « SQL statements per page » in docs/benchmarks.md. Run alone:
 * {@code mvn -B -ntp -q test -Dtest=PageCostTest -Dsurefire.failIfNoSpecifiedTests=false} (each count
 * is printed).
 */
class PageCostTest extends PortalIntegrationTest {

    private WebSession family;

    @BeforeEach
    void login() {
        family = session();
        assertThat(family.login("dupont", "Portail-Demo-2026").status()).isEqualTo(200);
    }

    private StatementCounter.Counts cost(String path) {
        assertThat(family.get(path).status()).as(path).isEqualTo(200);
        String probe = UUID.randomUUID().toString();
        Page page = family.send(HttpRequest.newBuilder(family.uri(path)).header(StatementCounter.HEADER, probe).GET());
        assertThat(page.status()).as(path).isEqualTo(200);
        StatementCounter.Counts counts = StatementCounter.of(probe);
        System.out.println("PAGE COST " + path + ": " + counts);
        return counts;
    }

    private static void assertWithin(StatementCounter.Counts counts, int statements, int transactions, int sessionReads,
            int sessionWrites) {
        assertThat(counts.statements()).as("statements\n" + counts).isLessThanOrEqualTo(statements);
        assertThat(counts.transactions()).as("transactions\n" + counts).isLessThanOrEqualTo(transactions);
        assertThat(counts.sessionReads()).as("session reads\n" + counts).isLessThanOrEqualTo(sessionReads);
        assertThat(counts.sessionWrites()).as("session writes\n" + counts).isLessThanOrEqualTo(sessionWrites);
    }

    @Test
    void home() {
        // the session, the family file (one statement with its children) and the two tabs' counters, none in a transaction
        assertWithin(cost("/"), 4, 4, 1, 0);
    }

    @Test
    void planning() {
        // + 1: the states of the absences the family declared, shown beside the days (one query per activity shown)
        assertWithin(cost("/planning"), 11, 11, 1, 0);
    }

    @Test
    void planningEdit() {
        String edit = family.get("/planning").doc().select("a[href*=/planning/modifier]").attr("href");
        assertThat(edit).as("« Modifier » on « Planning »").isNotEmpty();
        assertWithin(cost(edit), 10, 10, 1, 0);
    }

    @Test
    void invoices() {
        // 11: the direct debits planned, sent or rejected beside the invoices
        assertWithin(cost("/facturation"), 11, 11, 1, 0);
    }
}
