package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The {@code /agent} home of each group links every page that group may use, and no other group's. */
class StaffHomeTest extends PortalIntegrationTest {

    private Page homeOf(String user) {
        WebSession agent = session();
        Page home = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        assertThat(home.url()).as(user + " lands on the home").endsWith("/agent");
        return home;
    }

    private static List<String> links(Page home, String group) {
        Element section = home.doc().getElementById("accueil-" + group);
        assertThat(section).as("a section for " + group).isNotNull();
        return section.select("a").eachAttr("href");
    }

    @Test
    void financesGetTheBillingRunsAndTheFamilies() {
        Page home = homeOf("finances");
        assertThat(links(home, "finances")).contains("/camunda/app/tasklist/default/", "/agent/facturation", "/agent/dossiers", "/agent/exports");
        assertThat(home.doc().getElementById("accueil-enfance")).as("no other service's home").isNull();
        assertThat(home.doc().select("a[href*=cockpit]")).isEmpty();
    }

    @Test
    void eachServiceGetsItsOwnPages() {
        assertThat(links(homeOf("guichet"), "guichet-unique")).contains("/camunda/app/tasklist/default/",
                "/agent/aide", "/agent/activites").doesNotContain("/agent/facturation");
        assertThat(links(homeOf("enfance"), "enfance")).contains("/agent/activites", "/agent/dossiers")
                .doesNotContain("/agent/facturation", "/agent/aide");
        assertThat(links(homeOf("restauration"), "restauration")).contains("/agent/activites")
                .doesNotContain("/agent/facturation", "/agent/aide");
    }

    @Test
    void administratorsGetEveryGroupsHomeAndTheirOwn() {
        Page home = homeOf("admin");
        assertThat(links(home, "camunda-admin")).contains("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/app/cockpit/default/#/historique-demandes",
                "/agent/fiches-sanitaires/consultations");
        assertThat(links(home, "finances")).contains("/agent/facturation");
        assertThat(links(home, "guichet-unique")).contains("/agent/aide");
    }
}
