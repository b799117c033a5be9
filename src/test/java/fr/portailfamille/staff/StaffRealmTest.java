package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The staff realm: Camunda identity for the REST API, Tasklist, our staff pages and the actuator. */
class StaffRealmTest extends PortalIntegrationTest {

    @Autowired
    FilterService filters;

    @Test
    void engineRestIsNeverAnonymous() {
        Page anonymous = session().get("/engine-rest/process-definition");
        assertThat(anonymous.status()).isEqualTo(401);

        // (a wrong password for a real agent would lock that agent for a few seconds: Camunda's login delay)
        Page wrongPassword = session().send(basic("/engine-rest/process-definition", "agent-inconnu", "faux"));
        assertThat(wrongPassword.status()).isEqualTo(401);

        Page guichet = session().send(basic("/engine-rest/process-definition", "guichet", "demo"));
        assertThat(guichet.status()).isEqualTo(200);
        assertThat(guichet.body()).startsWith("[");
    }

    @Test
    void aFamilySessionOpensNothingOfTheStaffSide() {
        WebSession family = session();
        family.login("dupont", "Portail-Demo-2026");

        assertThat(family.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(family.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
        assertThat(family.get("/agent").isRedirectTo("/agent/connexion")).isTrue();
        assertThat(family.get("/actuator/metrics").status()).isEqualTo(401);
        // and the family's credentials are not staff credentials
        assertThat(session().send(basic("/engine-rest/task", "dupont", "Portail-Demo-2026")).status()).isEqualTo(401);
    }

    /**
     * One staff sign-in: Tasklist without a staff session goes to {@code /agent/connexion}, and back to
     * Tasklist after signing in there, where the webapps' API answers as that agent (its filters).
     */
    @Test
    void tasklistSendsToTheStaffSignInAndBackWithoutASecondLogin() {
        WebSession agent = session();
        Page app = agent.get("/camunda/app/tasklist/default/");
        assertThat(app.isRedirectTo("/agent/connexion")).as("Tasklist without a staff session").isTrue();
        assertThat(agent.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);

        Page back = agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", "guichet", "password", "demo"));
        assertThat(back.location()).endsWith("/camunda/app/tasklist/default/");
        Page tasklist = agent.get(back.location());
        assertThat(tasklist.status()).isEqualTo(200);
        String xsrf = cookie(tasklist, "XSRF-TOKEN");

        Page user = agent.send(json("/camunda/api/admin/auth/user/default", xsrf));
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"guichet\"").contains("tasklist");
        Page filterList = agent.send(json("/camunda/api/engine/engine/default/filter?resourceType=Task", xsrf));
        assertThat(filterList.status()).isEqualTo(200);
        assertThat(filterList.body()).contains("Tâches de mon service").contains("Mes tâches");
        // and the same session opens the staff pages
        assertThat(agent.get("/agent").status()).isEqualTo(200);
    }

    /** Camunda's own login is closed: even with the right password, the one way in is /agent/connexion. */
    @Test
    void theWebappsOwnLoginIsClosed() {
        WebSession visitor = session();
        Page login = visitor.send(HttpRequest.newBuilder(visitor.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=guichet&password=demo")));
        assertThat(login.status()).isIn(401, 403);
        assertThat(visitor.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
    }

    @Test
    void aFamilySessionNeverOpensTheWebapps() {
        WebSession family = session();
        family.login("dupont", "Portail-Demo-2026");
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(family.get("/camunda/app/" + app + "/default/").isRedirectTo("/agent/connexion")).as(app).isTrue();
        }
        assertThat(family.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
        assertThat(family.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(401);
    }

    /** One logout: Tasklist's button ends the /agent session, and /agent/deconnexion ends Tasklist. */
    @Test
    void oneLogoutEndsTheStaffPagesAndTheWebapps() {
        WebSession agent = signedIn("enfance");
        String xsrf = cookie(agent.get("/camunda/app/tasklist/default/"), "XSRF-TOKEN");
        Page logout = agent.send(HttpRequest.newBuilder(agent.uri("/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", xsrf).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.status()).isEqualTo(200);
        assertThat(agent.get("/agent").isRedirectTo("/agent/connexion")).as("/agent after Tasklist's logout").isTrue();
        assertThat(agent.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);

        WebSession other = signedIn("enfance");
        Page home = other.get("/agent");
        other.follow(other.submit(home, "form[action$=/agent/deconnexion]", Map.of()));
        assertThat(other.get("/camunda/app/tasklist/default/").isRedirectTo("/agent/connexion")).as("Tasklist after /agent/deconnexion").isTrue();
        assertThat(other.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
    }

    private WebSession signedIn(String user) {
        WebSession agent = session();
        Page home = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        assertThat(home.url()).endsWith("/agent");
        return agent;
    }

    private HttpRequest.Builder json(String path, String xsrf) {
        return HttpRequest.newBuilder(session().uri(path)).header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf).GET();
    }

    @Test
    void eachServiceHasItsOwnFilterReadableOnlyByItsGroup() {
        var authorizations = processEngine.getAuthorizationService();
        for (StaffGroup group : StaffGroup.values()) {
            assertThat(authorizations.isUserAuthorized("nobody", List.of(group.id()), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as(group.id() + " reaches Tasklist").isTrue();
        }
        var serviceFilters = filters.createTaskFilterQuery().filterName(StaffIdentitySetup.SERVICE_FILTER).list();
        assertThat(serviceFilters).hasSize(StaffGroup.values().length);
        var enfanceFilter = serviceFilters.stream()
                .filter(f -> ("service:" + StaffGroup.ENFANCE.id()).equals(f.getProperties().get("portalFilter"))).findFirst().orElseThrow();
        assertThat(authorizations.isUserAuthorized("x", List.of("enfance"), Permissions.READ, Resources.FILTER, enfanceFilter.getId())).isTrue();
        assertThat(authorizations.isUserAuthorized("x", List.of("restauration"), Permissions.READ, Resources.FILTER, enfanceFilter.getId())).isFalse();
    }

    @Test
    void theFiltersShowWhoAndWhatOnEachCardSortedByDueDate() {
        for (var filter : filters.createTaskFilterQuery().list()) {
            if (filter.getProperties() == null || filter.getProperties().get("portalFilter") == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
            assertThat(variables).as(filter.getName()).extracting(v -> v.get("name"))
                    .contains("childName", "activityName", "familyName", "requestLabel", "runMonth");
            assertThat(variables).extracting(v -> v.get("label")).contains("Enfant", "Activité", "Famille");
            var query = (org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery();
            assertThat(query.getOrderingProperties()).as(filter.getName() + ": sorted by due date first").isNotEmpty();
            assertThat(query.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualTo("DUE_DATE_");
        }
    }

    @Test
    void staffPagesUseCamundaIdentity() {
        WebSession agent = session();
        Page loginPage = agent.get("/agent/connexion");
        Page refused = agent.follow(agent.submit(loginPage, "form", Map.of("username", "dupont", "password", "Portail-Demo-2026")));
        assertThat(refused.text()).contains("Identifiant ou mot de passe incorrect.");

        Page home = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", "enfance", "password", "demo")));
        assertThat(home.url()).endsWith("/agent");
        assertThat(home.text()).contains("Thomas Martin").contains("Service Enfance");
        assertThat(home.doc().select("a[href*=tasklist]")).isNotEmpty();
        assertThat(home.doc().select("a[href*=cockpit]")).as("Cockpit only for administrators").isEmpty();
    }

    @Test
    void actuatorHealthIsPublicAndTheRestStaffOnly() {
        Page health = session().get("/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(session().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(session().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(session().send(basic("/actuator/metrics", "finances", "demo")).status()).isEqualTo(200);
    }

    private HttpRequest.Builder basic(String path, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(session().uri(path)).header("Authorization", "Basic " + token).GET();
    }

    private static String cookie(Page page, String name) {
        return cookie(page, name, null);
    }

    private static String cookie(Page page, String name, String fallback) {
        return page.headers().getOrDefault("set-cookie", List.of()).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .findFirst().orElseGet(() -> {
                    if (fallback != null) {
                        return fallback;
                    }
                    throw new AssertionError("no cookie " + name + " in " + page.headers());
                });
    }
}
