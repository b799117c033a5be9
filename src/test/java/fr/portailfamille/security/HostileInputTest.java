package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input on every form of the portal, over real HTTP through the security chains: each field
 * of each form receives markup, over-long text, control characters, wrong types and seeded random
 * values; bodies with invalid UTF-8; hostile ids in paths; forged CSRF tokens. Never a 5xx, never a
 * trace, never an executable payload in a page. The POST routes come from Spring's handler mapping:
 * a new form without hostile-input coverage fails {@link #everyPostRouteHasHostileInputCoverage}.
 * Uploads are {@link HostileUploadTest}'s, tokens and the card gateway's notification {@link ForgedTokensTest}'s.
 */
class HostileInputTest extends PortalIntegrationTest {

    /** Who fills a form in. */
    enum Actor { ANONYMOUS, FAMILY, GUICHET, ENFANCE, FINANCES }

    /**
     * One form: its POST route (as in the handler mapping), who fills it, the page that shows it
     * ({placeholders} filled from the fixture) and how to find it there; {@code prepare} brings the
     * session to the page (the sign-up's earlier steps).
     */
    record Form(String route, Actor actor, String page, String selector, Consumer<WebSession> prepare) {
        Form(String route, Actor actor, String page, String selector) {
            this(route, actor, page, selector, s -> { });
        }
    }

    /** Routes whose hostile input is tested elsewhere, with where. */
    static final Map<String, String> COVERED_ELSEWHERE = Map.ofEntries(
            Map.entry("POST /dossier/documents", "HostileUploadTest (and its text fields here)"),
            Map.entry("POST /messagerie/nouveau", "HostileUploadTest (and its text fields here)"),
            Map.entry("POST /messagerie/messages/{id}/repondre", "HostileUploadTest (and its text fields here)"),
            Map.entry("POST /paiement/systempay/ipn", "ForgedTokensTest: forged and generated notifications"),
            Map.entry("POST /simulateur-systempay/paiement", "ForgedTokensTest: the test-only gateway simulator"),
            Map.entry("POST /simulateur-systempay/choix", "ForgedTokensTest: the test-only gateway simulator"),
            Map.entry("POST /paiement/payfip/notification", "PayFipPaymentTest: hostile, forged and replayed notifications"),
            Map.entry("POST /simulateur-payfip/services/securite", "PayFipPaymentTest: the test-only PayFiP simulator"),
            Map.entry("POST /simulateur-payfip/choix", "PayFipPaymentTest: the test-only PayFiP simulator"),
            Map.entry("POST /error", "not a form: Spring Boot's error page"),
            Map.entry("POST /compte/franceconnect/delier", "FranceConnectLoginTest: no field but the CSRF token"),
            Map.entry("POST /franceconnect/rattacher/annuler", "FranceConnectLoginTest: no field but the CSRF token"),
            Map.entry("POST /franceconnect/rattacher/creer-compte", "FranceConnectLoginTest: no field but the CSRF token"),
            Map.entry("POST /dossier/quotient-caf/retrait", "QuotientCafTest: no field but the CSRF token"),
            Map.entry("POST /agent/prelevement/rejets", "DebitRejectsTest: a file only (empty, not text, another ISO 20022 message, "
                    + "broken XML, external entities, too big)"));

    private final List<Form> forms = List.of(
            // account: sign-up (four steps), activation link, forgotten password
            new Form("POST /inscription", Actor.ANONYMOUS, "/inscription", "form[action$=/inscription]"),
            new Form("POST /inscription/annuler", Actor.ANONYMOUS, "/inscription", "form[action$=/inscription/annuler]"),
            new Form("POST /inscription/dossier", Actor.ANONYMOUS, "/inscription/dossier", "form[action$=/inscription/dossier]",
                    this::signUpStep1),
            new Form("POST /inscription/conditions", Actor.ANONYMOUS, "/inscription/conditions",
                    "form[action$=/inscription/conditions]", s -> { signUpStep1(s); signUpStep2(s); }),
            new Form("POST /inscription/valider", Actor.ANONYMOUS, "/inscription/recapitulatif", "form[action$=/inscription/valider]",
                    s -> { signUpStep1(s); signUpStep2(s); signUpStep3(s); }),
            new Form("POST /inscription/renvoyer-lien", Actor.ANONYMOUS, "/inscription/renvoyer-lien", "form[action$=/inscription/renvoyer-lien]"),
            new Form("POST /mot-de-passe-oublie", Actor.ANONYMOUS, "/mot-de-passe-oublie", "form[action$=/mot-de-passe-oublie]"),
            new Form("POST /mot-de-passe/nouveau", Actor.ANONYMOUS, "{resetLink}", "form[action$=/mot-de-passe/nouveau]",
                    this::requestReset),
            // family file
            new Form("POST /dossier/coordonnees", Actor.FAMILY, "/dossier/coordonnees", "form[action$=/dossier/coordonnees]"),
            new Form("POST /dossier/coordonnees/quotient", Actor.FAMILY, "/dossier/coordonnees", "form[action$=/dossier/coordonnees/quotient]"),
            new Form("POST /dossier/documents", Actor.FAMILY, "/dossier/documents", "form[action$=/dossier/documents]"),
            new Form("POST /dossier/quotient-caf", Actor.FAMILY, "/dossier/quotient-caf", "form[action$=/dossier/quotient-caf]"),
            new Form("POST /dossier/enfants/{childId}/sante", Actor.FAMILY, "/dossier/enfants/{child}", "form[action$=/sante]"),
            new Form("POST /dossier/enfants/{childId}/personnes-autorisees", Actor.FAMILY, "/dossier/enfants/{child}",
                    "form[action$=/personnes-autorisees]"),
            new Form("POST /dossier/enfants/{childId}/personnes-autorisees/{pickupPersonId}/suppression", Actor.FAMILY,
                    "/dossier/enfants/{child}", "form[action$=/suppression]"),
            new Form("POST /dossier/enfants/{childId}/consentements", Actor.FAMILY, "/dossier/enfants/{child}", "form[action$=/consentements]"),
            new Form("POST /dossier/enfants/{childId}/demande-modification", Actor.FAMILY, "/dossier/enfants/{child}",
                    "form[action$=/demande-modification]"),
            // registrations, planning
            new Form("POST /inscriptions/inscrire", Actor.FAMILY, "/inscriptions/inscrire?activite={otherActivity}&enfant={child}",
                    "form[action$=/inscriptions/inscrire]"),
            new Form("POST /inscriptions/{id}/retirer", Actor.FAMILY, "/inscriptions", "form[action$=/retirer]", s -> pendingRegistration()),
            new Form("POST /planning/modifier", Actor.FAMILY, "/planning/modifier?enfant={child}&activite={activity}&mois={month}",
                    "form[action$=/planning/modifier]"),
            new Form("POST /planning/absences/signaler", Actor.FAMILY, "/planning/absences/signaler?enfant={child}&activite={activity}&jour={bookedDay}",
                    "form[action$=/planning/absences/signaler]"),
            new Form("POST /planning/dupliquer", Actor.FAMILY, "/planning/dupliquer", "form[action$=/planning/dupliquer]"),
            new Form("POST /planning/calendrier/activer", Actor.FAMILY, "/planning/calendrier", "form[action$=/planning/calendrier/activer]"),
            new Form("POST /planning/calendrier/desactiver", Actor.FAMILY, "/planning/calendrier", "form[action$=/planning/calendrier/desactiver]",
                    s -> s.submit(s.get("/planning/calendrier"), "form[action$=/planning/calendrier/activer]", Map.of())),
            // billing, payment, messaging
            new Form("POST /facturation/paiement", Actor.FAMILY, "/facturation/paiement/recapitulatif?facture={invoice}",
                    "form[action$=/facturation/paiement]"),
            new Form("POST /messagerie/nouveau", Actor.FAMILY, "/messagerie/nouveau", "form[action$=/messagerie/nouveau]"),
            new Form("POST /messagerie/messages/{id}/repondre", Actor.FAMILY, "/messagerie/messages/{message}", "form[action$=/repondre]"),
            // « Payer par prélèvement »: sign without a mandate, change and revoke with one
            new Form("POST /facturation/prelevement", Actor.FAMILY, "/facturation/prelevement", "form[action$=/facturation/prelevement]",
                    s -> withoutMandate()),
            new Form("POST /facturation/prelevement/modifier", Actor.FAMILY, "/facturation/prelevement", "form[action$=/prelevement/modifier]",
                    s -> withMandate()),
            new Form("POST /facturation/prelevement/revoquer", Actor.FAMILY, "/facturation/prelevement", "form[action$=/prelevement/revoquer]",
                    s -> withMandate()),
            // staff pages
            new Form("POST /agent/prelevement/{fileId}", Actor.GUICHET, "/agent/prelevement/{file}", "form[action*=/agent/prelevement/]",
                    s -> withoutMandate()),
            new Form("POST /agent/activites/nouvelle", Actor.ENFANCE, "/agent/activites/nouvelle", "form[action$=/agent/activites/nouvelle]"),
            new Form("POST /agent/activites/{id}", Actor.ENFANCE, "/agent/activites/{staffActivity}", "form[action$=/agent/activites/{staffActivity}]"),
            new Form("POST /agent/activites/{id}/periodes", Actor.ENFANCE, "/agent/activites/{staffActivity}", "form[action$=/periodes]"),
            new Form("POST /agent/activites/{id}/periodes/{periodId}/supprimer", Actor.ENFANCE,
                    "/agent/activites/{staffActivity}/periodes/{period}/supprimer", "form[action$=/periodes/{period}/supprimer]"),
            new Form("POST /agent/activites/{id}/fermetures", Actor.ENFANCE, "/agent/activites/{staffActivity}", "form[action$=/fermetures]"),
            new Form("POST /agent/activites/{id}/fermetures/{closureId}/supprimer", Actor.ENFANCE,
                    "/agent/activites/{staffActivity}/fermetures/{closure}/supprimer", "form[action$=/fermetures/{closure}/supprimer]"),
            new Form("POST /agent/activites/{id}/tarifs", Actor.ENFANCE, "/agent/activites/{staffActivity}/tarifs", "form[action$=/tarifs]"),
            new Form("POST /agent/presences/{activityId}/{day}/enfants/{childId}", Actor.ENFANCE,
                    "/agent/presences/{staffActivity}/{today}/recherche?nom={familyName}", "form[action*=/enfants/]"),
            new Form("POST /agent/presences/{activityId}/{day}/cloturer", Actor.ENFANCE, "/agent/presences/{staffActivity}/{today}",
                    "form[action$=/cloturer]"),
            new Form("POST /agent/occupation/{activityId}/{day}/attente/{bookingId}/proposer", Actor.ENFANCE,
                    "/agent/occupation/{staffActivity}/{today}", "form[action$=/proposer]", s -> waitingBooking()),
            new Form("POST /agent/occupation/{activityId}/{day}/attente/{bookingId}/retirer", Actor.ENFANCE,
                    "/agent/occupation/{staffActivity}/{today}", "form[action$=/retirer]", s -> waitingBooking()),
            new Form("POST /agent/facturation/lancer", Actor.FINANCES, "/agent/facturation", "form[action$=/agent/facturation/lancer]"),
            new Form("POST /agent/dossiers/{fileId}/regime", Actor.GUICHET, "/agent/dossiers/{file}", "form[action$=/regime]"),
            new Form("POST /agent/aide", Actor.GUICHET, "/agent/aide", "form[action$=/agent/aide]"),
            new Form("POST /agent/aide/retrait", Actor.GUICHET, "/agent/aide", "form[action$=/agent/aide/retrait]", s -> helpMessage()));

    private static final String HELP_PATH = "/essai-entrees-hostiles";

    /** A help message on a page of no other test, so that the withdrawal form shows (removed after the test). */
    private void helpMessage() {
        jdbc.update("insert into help_message (page_path, message, published_by) values (?, 'Essai', 'guichet') on conflict do nothing", HELP_PATH);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    private SecurityFamilies.Family family;
    private SecurityFamilies.Objects objects;
    private final HostileValues values = HostileValues.create();

    private long staffActivity;
    private long period;
    private long closure;

    /**
     * A family of the test's own with one object of each kind, and an activity of the test's own (a copy of the
     * centre de loisirs no child can attend, with a period and a closure): the staff forms change it, never the demo's.
     */
    @BeforeEach
    void aFamilyWithEverythingAndAnActivity() {
        family = SecurityFamilies.withAccount(jdbc, encoder, "HOSTILE");
        objects = SecurityFamilies.everything(jdbc, family);
        staffActivity = jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                    min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time)
                select ?, 'Essai entrées hostiles', activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                    17, 17, runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time
                from activity where code = 'CENTRE_LOISIRS' returning id""", Long.class, "ESSAI_" + family.username().toUpperCase());
        period = jdbc.queryForObject("""
                insert into activity_period (activity_id, label, start_date, end_date) values (?, 'Essai', date '2099-01-01', date '2099-06-30')
                returning id""", Long.class, staffActivity);
        closure = jdbc.queryForObject("insert into activity_closure (activity_id, day, reason) values (?, date '2099-03-03', 'Essai') returning id",
                Long.class, staffActivity);
    }

    private Set<String> postRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.POST)) {
                info.getPatternValues().forEach(p -> routes.add("POST " + p));
            }
        });
        return routes;
    }

    @Test
    void everyPostRouteHasHostileInputCoverage() {
        Set<String> declared = new TreeSet<>(COVERED_ELSEWHERE.keySet());
        forms.forEach(f -> declared.add(f.route()));
        Set<String> routes = postRoutes();
        assertThat(routes).as("the handler mapping lists the forms").hasSizeGreaterThan(30);

        Set<String> uncovered = new TreeSet<>(routes);
        uncovered.removeAll(declared);
        assertThat(uncovered).as("POST routes without hostile-input coverage: add them to HostileInputTest.forms").isEmpty();
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(routes);
        assertThat(stale).as("declared routes the application no longer has").isEmpty();
    }

    @Test
    void everyFieldOfEveryFormSurvivesHostileValues() {
        Map<String, WebSession> sessions = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Form form : forms) {
            WebSession session = sessions.computeIfAbsent(form.actor() + (form.actor() == Actor.ANONYMOUS ? form.route() : ""),
                    k -> loggedIn(form.actor()));
            form.prepare().accept(session);
            Page page = session.get(fill(form.page()));
            Element element = page.doc().selectFirst(fill(form.selector()));
            assertThat(element).as("the form of " + form.route() + " on " + form.page() + " (" + page.status() + ")").isNotNull();
            String action = element.absUrl("action");
            boolean multipart = "multipart/form-data".equals(element.attr("enctype"));
            Map<String, String> fields = fieldsOf(element);
            // without the one-time token each hostile value reaches the handler (with it, a repeat gets the first answer)
            fields.remove("_formulaire");
            List<String> names = new ArrayList<>(fields.keySet());
            names.remove("_csrf");
            if (names.isEmpty()) {
                names.add("champ-inconnu");
            }
            for (String name : names) {
                for (String value : values.forField(1)) {
                    Map<String, String> hostile = new LinkedHashMap<>(fields);
                    hostile.put(name, value);
                    Page answer = multipart ? session.postMultipart(action, hostile, List.of()) : session.postForm(action, hostile);
                    requests++;
                    String problem = HostileValues.problemWith(answer);
                    if (problem != null) {
                        problems.add(form.route() + " " + name + "=" + HostileValues.shown(value) + " → " + problem);
                    }
                }
            }
            // what the form displays again afterwards: escaped
            String again = HostileValues.problemWith(session.get(fill(form.page())));
            if (again != null) {
                problems.add(form.route() + ": its page afterwards → " + again);
            }
        }
        jdbc.update("delete from help_message where page_path = ?", HELP_PATH);
        assertThat(problems).as("answers to hostile values (" + requests + " requests, seed " + HostileValues.SEED + ")").isEmpty();
    }

    @Test
    void storedPayloadsAreShownEscapedWhereverTheyAreDisplayedAgain() {
        String payload = HostileValues.SCRIPT + HostileValues.IMG;
        WebSession session = loggedIn(Actor.FAMILY);
        String childPage = "/dossier/enfants/" + family.childId();
        Page health = session.submit(session.get(childPage), "form[action$=/sante]", Map.of("allergies", payload));
        assertThat(health.status()).as("health sheet saved: " + health.doc().select(".field-error").text()).isEqualTo(302);
        Page pickup = session.submit(session.get(childPage), "form[action$=/personnes-autorisees]",
                Map.of("lastName", payload, "firstName", payload, "phone", "06 01 02 03 04"));
        assertThat(pickup.status()).as("pick-up person saved: " + pickup.doc().select(".field-error").text()).isEqualTo(302);
        assertShownEscaped(session.get(childPage), payload, 3);

        Page form = session.get("/messagerie/nouveau");
        Element messageForm = form.doc().selectFirst("form[action$=/messagerie/nouveau]");
        Map<String, String> message = new LinkedHashMap<>(fieldsOf(messageForm));
        // the person chooses a service and one of its themes (the last of each list: the last service's last theme)
        message.put("service", messageForm.select("#service option").last().attr("value"));
        message.put("theme", messageForm.select("#theme option").last().attr("value"));
        message.put("subject", payload);
        message.put("body", payload);
        Page sent = session.postMultipart("/messagerie/nouveau", message, List.of());
        assertThat(sent.status()).as("message sent: " + sent.doc().select(".field-error").text()).isEqualTo(302);
        assertShownEscaped(session.get("/messagerie/envoyes"), payload, 1);
        long messageId = jdbc.queryForObject("select max(id) from message where family_file_id = ?", Long.class, family.fileId());
        assertShownEscaped(session.get("/messagerie/messages/" + messageId), payload, 2);

        WebSession staff = loggedIn(Actor.ENFANCE);
        Page renamed = staff.submit(staff.get("/agent/activites/" + staffActivity), "form[action$=/agent/activites/" + staffActivity + "]",
                Map.of("name", payload, "description", payload));
        assertThat(renamed.status()).as("activity saved: " + renamed.doc().select(".field-error").text()).isEqualTo(302);
        assertShownEscaped(staff.get("/agent/activites"), payload, 1);
        assertShownEscaped(staff.get("/agent/activites/" + staffActivity), payload, 2);
    }

    @Test
    void hostileSearchesFileKeysAndExportFiltersOnTheStaffPages() {
        List<String> problems = new ArrayList<>();
        WebSession guichet = loggedIn(Actor.GUICHET);
        List<String> values = new ArrayList<>(HostileValues.ALWAYS);
        values.addAll(HostileValues.SOMETIMES);
        values.addAll(List.of("%", "_", "\\", "' or 1=1 --", "100123'; drop table family_file; --"));
        for (String value : values) {
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of("/agent/dossiers?q=" + encoded, "/agent/dossiers/" + encoded,
                    "/agent/dossiers/" + encoded + "/documents/" + encoded, "/agent/exports/reservations.csv?mois=" + encoded,
                    "/agent/exports/inscriptions.csv?activite=" + encoded, "/agent/exports/" + encoded + ".csv")) {
                String problem = HostileValues.problemWith(guichet.get(path));
                if (problem != null) {
                    problems.add("GET " + HostileValues.shown(path) + " → " + problem);
                }
            }
        }
        assertThat(problems).as("answers to hostile searches and file keys").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from family_file", Integer.class)).isPositive();
    }

    /** The payload is on the page as text (escaped in the HTML), at least {@code times} times, and never as markup. */
    private static void assertShownEscaped(Page page, String payload, int times) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(HostileValues.problemWith(page)).as(page.url()).isNull();
        assertThat(page.body()).as(page.url() + ": the escaped form").contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert(").doesNotContain("<img src=x");
        String visible = page.text() + " " + String.join(" ", page.doc().select("input, textarea").eachAttr("value"))
                + " " + page.doc().select("textarea").text();
        assertThat(visible.split(java.util.regex.Pattern.quote(payload), -1).length - 1).as(page.url() + ": the payload read as text")
                .isGreaterThanOrEqualTo(times);
    }

    private Map<String, String> fieldsOf(Element form) {
        Map<String, String> fields = new TreeMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if ("file".equals(type) || "submit".equals(type)) {
                continue;
            }
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked") && fields.containsKey(input.attr("name"))) {
                continue;
            }
            String value = "select".equals(input.tagName())
                    ? input.select("option").stream().filter(o -> o.hasAttr("selected")).findFirst()
                            .or(() -> input.select("option").stream().reduce((a, b) -> b)).map(o -> o.attr("value")).orElse("")
                    : "textarea".equals(input.tagName()) ? input.text() : input.attr("value");
            fields.put(input.attr("name"), value);
        }
        return fields;
    }

    @Test
    void invalidUtf8AndHostileFieldNamesInFormBodies() {
        WebSession session = loggedIn(Actor.FAMILY);
        Page page = session.get("/dossier/enfants/" + family.childId());
        String csrf = session.csrfToken();
        List<String> problems = new ArrayList<>();
        Map<String, String> actions = Map.of("/dossier/enfants/" + family.childId() + "/sante", "allergies",
                "/dossier/coordonnees", "guardians[0].phone", "/planning/dupliquer", "du");
        byte[][] bodies = {
                {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0x00, 0x01, 0x7F}};
        for (String action : actions.keySet()) {
            for (byte[] bad : bodies) {
                for (String name : List.of(actions.get(action))) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.writeBytes(("_csrf=" + csrf + "&" + name + "=").getBytes(StandardCharsets.US_ASCII));
                    body.writeBytes(bad);
                    body.writeBytes("&autre=%FF%FE%C3%28".getBytes(StandardCharsets.US_ASCII));
                    Page answer = session.send(HttpRequest.newBuilder(session.uri(action))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
                    String problem = HostileValues.problemWith(answer);
                    if (problem != null) {
                        problems.add(action + " " + name + "=<bytes " + java.util.HexFormat.of().formatHex(bad) + "> → " + problem);
                    }
                }
            }
            // field names the binder must not trust: huge indexes, nested paths, class loaders
            for (String name : List.of("guardians[2147483647].phone", "guardians[99999].id", "rows[100000].qfMin", "class.module.classLoader",
                    "weekdays[999999]", "guardians[-1].phone", "a".repeat(20_000), "x[", "guardians[0][0][0]", "requiredDocuments[300]")) {
                Page answer = session.postForm(action, Map.of("_csrf", csrf, name, "1"));
                String problem = HostileValues.problemWith(answer);
                if (problem != null) {
                    problems.add(action + " field name " + HostileValues.shown(name) + " → " + problem);
                }
            }
        }
        WebSession staff = loggedIn(Actor.ENFANCE);
        long activity = staffActivity;
        staff.get("/agent/activites/" + activity + "/tarifs");
        String staffCsrf = staff.csrfToken();
        for (String action : List.of("/agent/activites/" + activity + "/tarifs", "/agent/activites/nouvelle")) {
            for (String name : List.of("rows[100000].qfMin", "rows[2147483647].price", "rows[-1].qfMin", "weekdays[999999]",
                    "requiredDocuments[100000]", "class.module.classLoader.x")) {
                Page answer = staff.postForm(action, Map.of("_csrf", staffCsrf, name, "1"));
                String problem = HostileValues.problemWith(answer);
                if (problem != null) {
                    problems.add(action + " field name " + name + " → " + problem);
                }
            }
        }
        assertThat(page.status()).isEqualTo(200);
        assertThat(problems).as("answers to undecodable bodies and hostile field names").isEmpty();
    }

    /** A request parameter (or form field) that is a month, a date or a year, on one route. */
    record DateParameter(String route, String name, Actor actor, String path, Map<String, String> otherFields) {
        DateParameter(String route, String name, Actor actor, String path) {
            this(route, name, actor, path, Map.of());
        }
    }

    /** Every month, date and year parameter of every route ({placeholders} filled from the fixture). */
    private final List<DateParameter> dateParameters = List.of(
            new DateParameter("GET /agent/exports/{key}.csv", "mois", Actor.FINANCES, "/agent/exports/factures.csv"),
            new DateParameter("GET /planning", "mois", Actor.FAMILY, "/planning?activite={activity}&vue=enfant&enfant={child}"),
            new DateParameter("GET /planning/modifier", "mois", Actor.FAMILY, "/planning/modifier?enfant={child}&activite={activity}"),
            new DateParameter("POST /planning/modifier", "mois", Actor.FAMILY, "/planning/modifier",
                    Map.of("enfant", "{child}", "activite", "{activity}", "jours", "2027-06-02")),
            new DateParameter("POST /planning/modifier", "jours", Actor.FAMILY, "/planning/modifier",
                    Map.of("enfant", "{child}", "activite", "{activity}", "mois", "{month}")),
            new DateParameter("POST /planning/dupliquer", "du", Actor.FAMILY, "/planning/dupliquer",
                    Map.of("activite", "{activity}", "source", "{child}", "au", "2027-06-30")),
            new DateParameter("POST /planning/dupliquer", "au", Actor.FAMILY, "/planning/dupliquer",
                    Map.of("activite", "{activity}", "source", "{child}", "du", "2027-06-01")),
            new DateParameter("GET /facturation/attestation-fiscale", "annee", Actor.FAMILY, "/facturation/attestation-fiscale"),
            new DateParameter("POST /agent/activites/{id}/periodes", "startDate", Actor.ENFANCE, "/agent/activites/{staffActivity}/periodes",
                    Map.of("label", "Essai", "endDate", "2099-06-30")),
            new DateParameter("POST /agent/activites/{id}/periodes", "endDate", Actor.ENFANCE, "/agent/activites/{staffActivity}/periodes",
                    Map.of("label", "Essai", "startDate", "2099-01-01")),
            new DateParameter("POST /agent/activites/{id}/fermetures", "day", Actor.ENFANCE, "/agent/activites/{staffActivity}/fermetures",
                    Map.of("reason", "Essai")),
            new DateParameter("POST /agent/facturation/lancer", "month", Actor.FINANCES, "/agent/facturation/lancer"),
            new DateParameter("POST /agent/prelevement/{fileId}", "signedOn", Actor.GUICHET, "/agent/prelevement/{file}",
                    Map.of("holder", "Essai", "iban", "FR7699999000010000000000115")),
            new DateParameter("POST /inscriptions/inscrire", "jours", Actor.FAMILY, "/inscriptions/inscrire",
                    Map.of("activite", "{otherActivity}", "enfant", "{child}")),
            new DateParameter("POST /agent/activites/nouvelle", "cutoffTime", Actor.ENFANCE, "/agent/activites/nouvelle"),
            new DateParameter("POST /agent/activites/{id}", "cutoffTime", Actor.ENFANCE, "/agent/activites/{staffActivity}"),
            new DateParameter("POST /agent/activites/{id}/tarifs", "validFrom", Actor.ENFANCE, "/agent/activites/{staffActivity}/tarifs"),
            new DateParameter("GET /agent/occupation/{activityId}", "mois", Actor.ENFANCE, "/agent/occupation/{staffActivity}"),
            new DateParameter("GET /agent/occupation/{activityId}", "semaine", Actor.ENFANCE, "/agent/occupation/{staffActivity}"),
            new DateParameter("GET /agent/presences", "jour", Actor.ENFANCE, "/agent/presences?activite={staffActivity}"),
            new DateParameter("GET /agent/relances/courriers.pdf", "jour", Actor.FINANCES, "/agent/relances/courriers.pdf"),
            new DateParameter("GET /agent/rapport-caf/{activityId}", "mois", Actor.FINANCES, "/agent/rapport-caf/{staffActivity}"),
            new DateParameter("GET /agent/rapport-caf/{activityId}/csv", "mois", Actor.FINANCES, "/agent/rapport-caf/{staffActivity}/csv"),
            new DateParameter("GET /agent/rapport-caf/{activityId}/pdf", "mois", Actor.FINANCES, "/agent/rapport-caf/{staffActivity}/pdf"),
            new DateParameter("GET /planning/absences/signaler", "jour", Actor.FAMILY,
                    "/planning/absences/signaler?enfant={child}&activite={activity}"),
            new DateParameter("POST /planning/absences/signaler", "jour", Actor.FAMILY, "/planning/absences/signaler",
                    Map.of("enfant", "{child}", "activite", "{activity}", "reason", "MALADIE")));

    private static final Set<String> DATE_NAMES = Set.of("mois", "month", "semaine", "week", "jour", "jours", "du", "au", "annee",
            "year", "day", "date",
            "startDate", "endDate", "validFrom", "birthDate");

    private static boolean isDateType(Class<?> type) {
        return java.time.temporal.Temporal.class.isAssignableFrom(type) || type == YearMonth.class || type == java.time.Year.class;
    }

    /** Every (route, parameter) of the handler mapping that carries a month, a date or a year: request parameters and form fields. */
    private Set<String> dateParametersOfTheApplication() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
            String verb = verbs.isEmpty() ? "GET" : verbs.iterator().next().name();
            for (String pattern : info.getPatternValues()) {
                for (org.springframework.core.MethodParameter parameter : method.getMethodParameters()) {
                    parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    Class<?> type = parameter.getParameterType();
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    if (param != null) {
                        String name = !param.name().isEmpty() ? param.name() : String.valueOf(parameter.getParameterName());
                        if (isDateType(type) || DATE_NAMES.contains(name)) {
                            found.add(verb + " " + pattern + " " + name);
                        }
                    } else if (type.getName().startsWith("fr.portailfamille.") && !type.isEnum() && !type.isInterface()
                            && parameter.getParameterAnnotation(org.springframework.security.core.annotation.AuthenticationPrincipal.class) == null) {
                        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                            if (isDateType(field.getType())) {
                                found.add(verb + " " + pattern + " " + field.getName());
                            }
                        }
                    }
                }
            }
        });
        return found;
    }

    @Test
    void everyDateParameterOfEveryRouteHasHostileInputCoverage() {
        Set<String> declared = new TreeSet<>();
        dateParameters.forEach(d -> declared.add(d.route() + " " + d.name()));
        Set<String> uncovered = new TreeSet<>(dateParametersOfTheApplication());
        uncovered.removeAll(declared);
        assertThat(uncovered).as("month/date parameters without extreme-value coverage: add them to HostileInputTest.dateParameters")
                .isEmpty();
    }

    @Test
    void extremeMonthsAndDatesAreAFrench400NeverA500() {
        List<String> extremes = List.of("-999999999-01", "+999999999-12", "999999999-12", "-999999999-01-01", "+999999999-12-31",
                "+1000000000-01", "9999-12-31", "0000-01-01", "-0001-12", "2027-02-30", "-999999999", "+999999999", "99999999999");
        Map<Actor, WebSession> sessions = new LinkedHashMap<>();
        Map<Actor, String> tokens = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (DateParameter parameter : dateParameters) {
            WebSession session = sessions.computeIfAbsent(parameter.actor(), this::loggedIn);
            String csrf = tokens.computeIfAbsent(parameter.actor(), a -> csrfOf(session, a == Actor.FAMILY ? "/" : "/agent"));
            for (String value : extremes) {
                Page answer;
                if (parameter.route().startsWith("GET ")) {
                    String path = fill(parameter.path());
                    answer = session.get(path + (path.contains("?") ? "&" : "?") + parameter.name() + "="
                            + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
                } else {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("_csrf", csrf);
                    parameter.otherFields().forEach((k, v) -> fields.put(k, fill(v)));
                    fields.put(parameter.name(), value);
                    answer = session.postForm(fill(parameter.path()), fields);
                }
                String problem = HostileValues.problemWith(answer);
                if (problem != null) {
                    problems.add(parameter.route() + " " + parameter.name() + "=" + value + " → " + problem);
                }
            }
        }
        assertThat(problems).as("answers to extreme months and dates").isEmpty();

        WebSession family = sessions.get(Actor.FAMILY);
        Page planning = family.get(fill("/planning?activite={activity}&vue=enfant&enfant={child}&mois=-999999999-01"));
        assertThat(planning.status()).isEqualTo(400);
        assertThat(planning.text()).contains("Demande incorrecte").contains("1900").contains("2199");
        Page edit = family.get(fill("/planning/modifier?enfant={child}&activite={activity}&mois=%2B999999999-12"));
        assertThat(edit.status()).isEqualTo(400);
    }

    @Test
    void hostileIdsInPathsAreRefusedWithoutError() {
        List<String> problems = new ArrayList<>();
        WebSession familySession = loggedIn(Actor.FAMILY);
        String familyCsrf = csrfOf(familySession, "/");
        WebSession staffSession = loggedIn(Actor.ENFANCE);
        String staffCsrf = csrfOf(staffSession, "/agent");
        List<String> hostileIds = List.of("abc", "-1", "99999999999999999999", "%00", "..%2F..%2Fetc", "%3Cscript%3E");
        for (String route : postRoutes()) {
            String pattern = route.substring("POST ".length());
            if (!pattern.contains("{") || COVERED_ELSEWHERE.containsKey(route)) {
                continue;
            }
            boolean staff = pattern.startsWith("/agent");
            for (String id : hostileIds) {
                Matcher m = VARIABLE.matcher(pattern);
                String path = m.replaceAll(Matcher.quoteReplacement(id));
                WebSession session = staff ? staffSession : familySession;
                Page answer = session.postForm(path, Map.of("_csrf", staff ? staffCsrf : familyCsrf));
                String problem = HostileValues.problemWith(answer);
                if (problem != null) {
                    problems.add("POST " + path + " → " + problem);
                }
            }
        }
        assertThat(problems).as("answers to hostile ids in paths").isEmpty();
    }

    @Test
    void forgedOrMissingCsrfTokensAreAFrench403AndChangeNothing() {
        List<String> problems = new ArrayList<>();
        WebSession familySession = loggedIn(Actor.FAMILY);
        WebSession staffSession = loggedIn(Actor.ENFANCE);
        String healthBefore = jdbc.queryForObject("select allergies from health_sheet where child_id = ?", String.class, family.childId());
        int pickupsBefore = pickups();
        for (String route : postRoutes()) {
            String pattern = route.substring("POST ".length());
            if (COVERED_ELSEWHERE.containsKey(route) && !pattern.startsWith("/dossier") && !pattern.startsWith("/messagerie")) {
                continue;  // the gateway's routes are exempt from CSRF on purpose (signed), /error is no form
            }
            boolean staff = pattern.startsWith("/agent");
            WebSession session = staff ? staffSession : familySession;
            String path = VARIABLE.matcher(pattern).replaceAll(r -> Matcher.quoteReplacement(pathValue(r.group(1), pattern)));
            for (String token : List.of("", values.any())) {
                Map<String, String> fields = new LinkedHashMap<>();
                if (!token.isEmpty()) {
                    fields.put("_csrf", token);
                }
                fields.put("allergies", "Forgé");
                fields.put("lastName", "FORGE");
                fields.put("firstName", "Forgé");
                Page answer = session.postForm(path, fields);
                if (answer.status() != 403 || !"Accès refusé".equals(answer.doc().select("h1").text())) {
                    problems.add(route + " with token « " + HostileValues.shown(token) + " » → " + answer.status());
                }
            }
        }
        assertThat(problems).as("POSTs without a valid CSRF token").isEmpty();
        assertThat(jdbc.queryForObject("select allergies from health_sheet where child_id = ?", String.class, family.childId()))
                .as("the health sheet is unchanged").isEqualTo(healthBefore);
        assertThat(pickups()).as("no pick-up person added or removed").isEqualTo(pickupsBefore);
        assertThat(familySession.get("/").status()).as("still logged in").isEqualTo(200);
    }

    private int pickups() {
        return jdbc.queryForObject("select count(*) from pickup_person where child_id = ?", Integer.class, family.childId());
    }

    private String pathValue(String variable, String pattern) {
        return switch (variable) {
            case "childId" -> String.valueOf(family.childId());
            case "pickupPersonId" -> String.valueOf(objects.pickupId());
            case "id" -> pattern.startsWith("/inscriptions") ? String.valueOf(objects.registrationId())
                    : pattern.startsWith("/messagerie") ? String.valueOf(objects.messageId()) : String.valueOf(staffActivity);
            default -> "1";
        };
    }

    // ------------------------------------------------------------------ fixtures

    private long activity() {
        return jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
    }

    private String resetLink;

    /** A registration waiting for the service: the family may withdraw it. */
    /** The family has no live SEPA mandate (the forms that sign one are shown). */
    private void withoutMandate() {
        jdbc.update("update debit_mandate set state = 'REVOQUE', closed_at = now() where family_file_id = ? and state <> 'REVOQUE'",
                family.fileId());
    }

    /** The family has a live SEPA mandate (the forms that change or revoke it are shown). */
    private void withMandate() {
        jdbc.update("""
                insert into debit_mandate (family_file_id, rum, holder, iban, signed_on, channel, state, created_at)
                select ?, 'PF-HOSTILE-' || nextval('debit_mandate_number'), 'Alex', 'FR7699999000010000000000115', current_date, 'EN_LIGNE',
                       'ACTIF', now()
                where not exists (select 1 from debit_mandate where family_file_id = ? and state <> 'REVOQUE')""",
                family.fileId(), family.fileId());
    }

    private void pendingRegistration() {
        jdbc.update("""
                insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                values (?, ?, (select max(id) from activity where code <> 'CENTRE_LOISIRS'), 'MONDAY', 'Année', current_date, current_date + 100,
                'PENDING')""", family.fileId(), family.childId());
    }

    /** The family's child waits for a place of the test's activity today (the occupancy page's forms then show). */
    private void waitingBooking() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        jdbc.update("update booking set state = 'CANCELLED' where child_id = ? and activity_id = ? and day = ? and state in ('BOOKED', 'WAITING')",
                family.childId(), staffActivity, today);
        jdbc.update("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, ?, 'WAITING', now(), 'PLANNING', 'essai', now())""", family.fileId(), family.childId(), staffActivity, today);
    }

    /** Asks for a password reset for the family: its mailed link shows the new-password form. */
    private void requestReset(WebSession session) {
        String email = family.username() + "@example.org";
        session.submit(session.get("/mot-de-passe-oublie"), "form[action$=/mot-de-passe-oublie]", Map.of("email", email));
        resetLink = mailbox().await(email, "nouveau mot de passe").linkContaining("/mot-de-passe/nouveau?jeton=");
    }

    private String fill(String template) {
        return template.replace("{resetLink}", String.valueOf(resetLink))
                .replace("{staffActivity}", String.valueOf(staffActivity))
                .replace("{today}", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString())
                .replace("{familyName}", family.name())
                .replace("{file}", String.valueOf(family.fileId()))
                .replace("{bookedDay}", java.time.LocalDate.now().plusDays(20).toString())
                .replace("{period}", String.valueOf(period))
                .replace("{closure}", String.valueOf(closure))
                .replace("{child}", String.valueOf(family.childId()))
                .replace("{activity}", String.valueOf(activity()))
                .replace("{otherActivity}", String.valueOf(jdbc.queryForObject(
                        "select min(id) from activity where code <> 'CENTRE_LOISIRS'", Long.class)))
                .replace("{month}", YearMonth.now().plusMonths(1).toString())
                .replace("{invoice}", String.valueOf(objects.invoiceId()))
                .replace("{message}", String.valueOf(objects.messageId()));
    }

    private WebSession loggedIn(Actor actor) {
        WebSession session = session();
        switch (actor) {
            case ANONYMOUS -> { }
            case FAMILY -> assertThat(session.login(family.username(), family.password()).status()).isEqualTo(200);
            default -> {
                String user = actor.name().toLowerCase();
                Page login = session.get("/agent/connexion");
                Page home = session.follow(session.submit(login, "form[action$=/agent/connexion]",
                        Map.of("username", user, "password", "demo")));
                assertThat(home.status()).as(user + " logged in").isEqualTo(200);
            }
        }
        return session;
    }

    private static String csrfOf(WebSession session, String page) {
        session.get(page);
        String token = session.csrfToken();
        assertThat(token).as("a CSRF token on " + page).isNotNull();
        return token;
    }

    private void signUpStep1(WebSession session) {
        String name = "hostile" + Long.toString(System.nanoTime(), 36);
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("civility", "Mme");
        identity.put("lastName", "Martin");
        identity.put("firstName", "Inès");
        identity.put("email", name + "@example.org");
        identity.put("phone", "06 12 34 56 78");
        identity.put("username", name);
        identity.put("password", "une phrase de passe assez longue");
        identity.put("passwordConfirmation", "une phrase de passe assez longue");
        Page step1 = session.get("/inscription");
        assertThat(session.submit(step1, "form[action$=/inscription]", identity).status()).isEqualTo(302);
    }

    private void signUpStep2(WebSession session) {
        Page step2 = session.get("/inscription/dossier");
        assertThat(session.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "true")).status()).isEqualTo(302);
    }

    private void signUpStep3(WebSession session) {
        Page step3 = session.get("/inscription/conditions");
        assertThat(session.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")).status()).isEqualTo(302);
    }
}
