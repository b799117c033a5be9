package fr.portailfamille.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser downloads the styles and scripts once: the pages link them under URLs naming their
 * content, kept a year without asking again; the pages themselves are never stored.
 */
class StaticCachingTest extends PortalIntegrationTest {

    private static final String A_YEAR = "max-age=31536000, public, immutable";

    @Autowired JdbcTemplate jdbc;

    private static List<String> assets(Page page) {
        List<String> urls = new ArrayList<>(page.doc().select("link[rel=stylesheet]").eachAttr("href"));
        urls.addAll(page.doc().select("script[src]").eachAttr("src"));
        return urls;
    }

    private static void assertVersionedAndCachedAYear(WebSession browser, List<String> urls) {
        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).matches(".*-[0-9a-f]{32}\\.(css|js)"));
        for (String url : urls) {
            Page file = browser.get(url);
            assertThat(file.status()).as(url).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(url).isEqualTo(A_YEAR);
            assertThat(file.headers()).as("no session for a static file").doesNotContainKey("set-cookie");
        }
    }

    @Test
    void aFamilyPageLinksVersionedFilesCachedAYearAndIsItselfNeverCached() {
        WebSession family = session();
        Page home = family.login("dupont", "Portail-Demo-2026");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Cache-Control")).contains("no-cache").contains("no-store");
        List<String> urls = assets(home);
        assertThat(urls).anyMatch(u -> u.startsWith("/css/portail-")).anyMatch(u -> u.startsWith("/js/forms-"));
        assertVersionedAndCachedAYear(family, urls);
        assertThat(home.doc().select("link[rel=icon]").attr("href")).matches("/img/logo-[0-9a-f]{32}\\.svg");

        Page login = session().get("/connexion");
        assertThat(login.header("Cache-Control")).contains("no-cache").contains("no-store");
    }

    @Test
    void aStaffPageWithWebJarsLinksThemVersionedToo() {
        long activity = jdbc.queryForObject("select min(id) from activity", Long.class);
        WebSession admin = session();
        admin.follow(admin.submit(admin.get("/agent/connexion"), "form", Map.of("username", "admin", "password", "demo")));
        Page occupancy = admin.get("/agent/occupation/" + activity);
        assertThat(occupancy.status()).isEqualTo(200);
        assertThat(occupancy.header("Cache-Control")).contains("no-cache").contains("no-store");
        List<String> urls = assets(occupancy);
        assertThat(urls).anyMatch(u -> u.startsWith("/webjars/uplot/"));
        assertVersionedAndCachedAYear(admin, urls);
    }

    @Test
    void aFileAskedForWithoutItsHashIsServedButRevalidated() {
        Page css = session().get("/css/portail.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(css.header("Last-Modified")).isNotNull();
    }
}
