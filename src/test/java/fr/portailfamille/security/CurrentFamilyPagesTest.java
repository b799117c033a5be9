package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * « Which family is logged in » has one answer ({@code @CurrentFamily}) and one behaviour for an
 * account the Guichet Unique has not linked to a family file yet: every page of the five modules
 * (taken from the handler mapping, so a new page is covered without editing this test) shows
 * « Votre compte n'est pas encore rattaché à un dossier famille » under its own tab, never a 404
 * or a 500, and never another family's data; a linked family sees its own file on the same pages.
 */
class CurrentFamilyPagesTest extends PortalIntegrationTest {

    private static final String NOT_LINKED = "Votre compte n'est pas encore rattaché à un dossier famille.";
    private static final String PASSWORD = "Mot-de-passe-sans-dossier-1";

    /** The family's pages, by the first segment of their path, and the tab each one lights. */
    private static final Map<String, String> TAB = Map.of("dossier", "Mon dossier", "inscriptions", "Inscriptions",
            "planning", "Planning", "facturation", "Facturation", "paiement", "Facturation", "messagerie", "Messagerie");

    /** Family routes that need no family file: the calendar feed (a token in its URL, no session). */
    private static final Set<String> WITHOUT_FILE = Set.of("/planning/ical/{token}.ics");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;

    /** Every GET and POST route of the family's modules, "METHOD pattern". */
    private List<String> familyRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                String first = pattern.replaceFirst("^/", "").replaceFirst("/.*", "");
                // the bank's and the Treasury's notifications are posted by machines, without a family session
                if (!TAB.containsKey(first) || WITHOUT_FILE.contains(pattern) || pattern.startsWith("/paiement/systempay")
                        || pattern.equals("/paiement/payfip/notification")) {
                    continue;
                }
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                    routes.add(m + " " + pattern);
                }
            }
        });
        assertThat(routes).as("the family's routes").hasSizeGreaterThan(30);
        return new ArrayList<>(routes);
    }

    @Test
    void everyPageOfAnAccountWithoutAFileSaysSoUnderItsTab() {
        WebSession session = session();
        session.login(SecurityFamilies.withoutFile(jdbc, encoder, PASSWORD), PASSWORD);
        String csrf = session.csrfToken();
        List<String> wrong = new ArrayList<>();
        for (String route : familyRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            Page page = "GET".equals(method) ? session.get(path)
                    : session.postForm(path, Map.of("_csrf", csrf, "enfant", "1", "activite", "1", "mois", "2026-09"));
            String tab = TAB.get(path.replaceFirst("^/", "").replaceFirst("/.*", ""));
            if (page.status() != 200 || !page.text().contains(NOT_LINKED)
                    || !page.doc().select("nav a[aria-current=page]").text().equals(tab)) {
                wrong.add(route + " → " + page.status() + " " + page.doc().select("h1").text());
            }
        }
        assertThat(wrong).as("family pages that do not take @CurrentFamily, or another behaviour without a file").isEmpty();
    }

    @Test
    void onlyASignedInFamilySeesWhoIsConnectedAndTheTabs() {
        WebSession session = session();
        Page login = session.get("/connexion");
        assertThat(login.doc().select("header .account")).as("« Connecté » before login").isEmpty();
        assertThat(login.doc().select("nav.tabs")).as("the tabs before login").isEmpty();

        SecurityFamilies.Family family = SecurityFamilies.withAccount(jdbc, encoder, "ENTETE");
        Page home = session.login(family.username(), family.password());
        assertThat(home.doc().select("header .account").text()).startsWith("Connecté :").contains("Se déconnecter");
        assertThat(home.doc().select("nav.tabs a").eachText())
                .containsExactly("Accueil", "Mon dossier", "Inscriptions", "Planning", "Facturation", "Messagerie");
    }

    @Test
    void theHomePageShowsItsTilesAndTheSameNotice() {
        WebSession session = session();
        Page home = session.login(SecurityFamilies.withoutFile(jdbc, encoder, PASSWORD), PASSWORD);

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains(NOT_LINKED);
        assertThat(home.doc().select(".tiles .tile-title").eachText()).contains("Mon dossier", "Messagerie");
    }

    @Test
    void aLinkMadeByTheGuichetUniqueShowsAtOnce() {
        WebSession session = session();
        String username = SecurityFamilies.withoutFile(jdbc, encoder, PASSWORD);
        session.login(username, PASSWORD);
        assertThat(session.get("/facturation").text()).contains(NOT_LINKED);

        SecurityFamilies.Family family = SecurityFamilies.withAccount(jdbc, encoder, "RATTACHE");
        jdbc.update("update family_file set account_id = (select id from portal_account where username = ?) where id = ?", username,
                family.fileId());

        Page dossier = session.get("/dossier");
        assertThat(dossier.text()).doesNotContain(NOT_LINKED).contains(family.name());
    }

    @Test
    void aLinkedFamilySeesItsOwnFileOnEachModulesPages() throws Exception {
        SecurityFamilies.Family family = SecurityFamilies.withAccount(jdbc, encoder, "LIEE");
        SecurityFamilies.Objects objects = SecurityFamilies.everything(jdbc, family);
        SecurityFamilies.Family other = SecurityFamilies.withAccount(jdbc, encoder, "AUTRE");
        SecurityFamilies.everything(jdbc, other);
        WebSession session = session();
        Page home = session.login(family.username(), family.password());
        assertThat(home.text()).contains(family.name()).doesNotContain(NOT_LINKED);

        Map<String, String> expected = Map.ofEntries(
                Map.entry("/dossier", family.name()),
                Map.entry("/dossier/enfants", "Sam"),
                Map.entry("/dossier/enfants/" + family.childId(), "Allergie " + family.name()),
                Map.entry("/dossier/coordonnees", family.username() + "@example.org"),
                Map.entry("/dossier/documents", "assurance.pdf"),
                Map.entry("/inscriptions", "Sam " + family.name()),
                Map.entry("/planning", "Sam"),
                Map.entry("/planning/dupliquer", "Sam"),
                Map.entry("/planning/calendrier", "iCalendar"),
                Map.entry("/facturation", String.valueOf(jdbc.queryForObject("select number from invoice where id = ?", String.class,
                        objects.invoiceId()))),
                Map.entry("/facturation/historique", "12,00"),
                Map.entry("/messagerie/envoyes", "Sujet " + family.name()),
                Map.entry("/messagerie/messages/" + objects.messageId(), "Texte secret de " + family.name()),
                Map.entry("/messagerie/nouveau", "Envoyer un message"));
        expected.forEach((path, text) -> {
            Page page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains(text).doesNotContain(NOT_LINKED).doesNotContain(other.name());
        });
        assertThat(session.get("/dossier/export").body()).contains(family.name()).doesNotContain(other.name());
        assertThat(session.get("/facturation/factures/" + objects.invoiceId() + "/pdf").header("Content-Type")).isEqualTo("application/pdf");

        // each page gave its database connections back: a query left open outside a transaction keeps its
        // connection for good, and the pool empties page after page until the whole portal stops answering
        assertThat(connectionsStillBorrowed()).as("connections still borrowed once the pages above have answered").isZero();
    }

    /** Connections of the pool still borrowed, once what runs in the background has had a few seconds to finish. */
    private int connectionsStillBorrowed() throws Exception {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        for (int i = 0; i < 100 && pool.getActiveConnections() > 0; i++) {
            Thread.sleep(100);
        }
        return pool.getActiveConnections();
    }
}
