package fr.portailfamille.registration;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StatementCounter;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What « Mes inscriptions » costs the database, the page a family lands on after « enregistrer »:
 * counted on the second visit of the demo family DUPONT (three children, the demo catalogue), as
 * {@code portal.PageCostTest} counts the other busy pages. The catalogue's periods are read once and
 * each child's live requests once, whatever the number of activities.
 */
class RegistrationPageCostTest extends PortalIntegrationTest {

    @Test
    void myRegistrations() {
        WebSession family = session();
        assertThat(family.login("dupont", "Portail-Demo-2026").status()).isEqualTo(200);
        assertThat(family.get("/inscriptions").status()).isEqualTo(200);
        String probe = UUID.randomUUID().toString();
        Page page = family.send(HttpRequest.newBuilder(family.uri("/inscriptions")).header(StatementCounter.HEADER, probe).GET());
        assertThat(page.status()).isEqualTo(200);
        StatementCounter.Counts counts = StatementCounter.of(probe);
        System.out.println("PAGE COST /inscriptions: " + counts);
        assertThat(counts.statements()).as("statements\n" + counts).isLessThanOrEqualTo(BUDGET);
    }

    /**
     * For DUPONT: the session, the family file, the catalogue, the family's requests, the periods, each of the
     * three children's live requests, the two tab counters. It was 8 + 6 × the number of activities (each
     * child's live requests and each activity's periods read per activity, the family and catalogue twice).
     */
    static final int BUDGET = 10;
}
