package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.registration.PreRegistrationProcess;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, taken from Spring's handler mapping (a new controller method
 * is in the matrix without editing this test), checked against: an anonymous visitor, another
 * family (path variables, query strings and form fields carrying ids of a family that is not
 * theirs), a staff agent of the wrong service and the agent of the right service. Then the Camunda
 * side: an agent of {@code restauration} cannot see, complete or read the variables of a task of
 * {@code enfance}, through {@code /engine-rest} or through the webapps' API.
 */
class AuthorizationMatrixTest extends PortalIntegrationTest {

    /**
     * The routes an anonymous visitor may reach, "METHOD pattern". Anything else must send an
     * anonymous visitor to a login page: a new public route must be added here, on purpose.
     */
    private static final Set<String> EXPECTED_PUBLIC = Set.of(
            // logging in (families, staff) and the error page
            "GET /connexion", "GET /agent/connexion", "GET /error", "POST /error", "PUT /error", "DELETE /error",
            "PATCH /error", "HEAD /error", "OPTIONS /error",
            // sign-up, its steps and the activation link (account module)
            "GET /inscription", "POST /inscription", "GET /inscription/dossier", "POST /inscription/dossier",
            "GET /inscription/conditions", "POST /inscription/conditions", "GET /inscription/recapitulatif",
            "POST /inscription/valider", "POST /inscription/annuler", "GET /inscription/envoyee",
            "GET /inscription/activer", "GET /inscription/renvoyer-lien", "POST /inscription/renvoyer-lien",
            // forgotten password (a mailed token)
            "GET /mot-de-passe-oublie", "POST /mot-de-passe-oublie", "GET /mot-de-passe/nouveau", "POST /mot-de-passe/nouveau",
            // after a first FranceConnect sign-in: the pending identity of this browser only, linked by the password
            "GET /franceconnect/rattacher", "POST /franceconnect/rattacher/annuler",
            "POST /franceconnect/rattacher/creer-compte",
            // the card gateway's server-to-server notification (signed, CSRF-exempt, rate limited)
            "POST /paiement/systempay/ipn",
            // the waiting room of the opening rush (a family queues before it can log in)
            "GET /salle-d-attente",
            // PayFiP's server-to-server notification (only its idop is read, the Treasury is asked; rate limited)
            "POST /paiement/payfip/notification",
            // the planning's calendar feed: a secret token in the URL, for calendar applications
            "GET /planning/ical/{token}.ics",
            // dev/test only: the card gateway simulator (profiles local, test) and the mail catcher
            // (portal.mail.catcher.enabled): never in production
            "POST /simulateur-systempay/paiement", "POST /simulateur-systempay/choix",
            "POST /simulateur-payfip/services/securite", "GET /simulateur-payfip/tpa/paiementws.web", "POST /simulateur-payfip/choix",
            "GET /courriels", "GET /courriels/{index}");

    /** Staff routes reserved to one service: the right agent and an agent of another service. */
    private static final Map<String, String[]> STAFF_SERVICE = new LinkedHashMap<>();

    static {
        // (the catalogue list and the new-activity form are every service's: each manages its own activities)
        for (String p : List.of("/agent/activites/{id}",
                "/agent/activites/{id}/periodes", "/agent/activites/{id}/periodes/{periodId}/supprimer",
                "/agent/activites/{id}/fermetures", "/agent/activites/{id}/fermetures/{closureId}/supprimer",
                "/agent/activites/{id}/tarifs")) {
            STAFF_SERVICE.put(p, new String[] {"enfance", "finances"});
        }
        // the certificate of an absence at an enfance activity (see victimAbsence)
        STAFF_SERVICE.put("/agent/absences/{absenceId}/certificat", new String[] {"enfance", "restauration"});
        // attendance: the sheets of an activity are its service's only (finances runs none)
        for (String p : List.of("/agent/presences", "/agent/presences/{activityId}/{day}", "/agent/presences/{activityId}/{day}/recherche",
                "/agent/presences/{activityId}/{day}/pdf", "/agent/presences/{activityId}/{day}/enfants/{childId}",
                "/agent/presences/{activityId}/{day}/cloturer", "/agent/occupation", "/agent/occupation/{activityId}",
                "/agent/occupation/{activityId}/{day}", "/agent/occupation/{activityId}/{day}/attente/{bookingId}/proposer",
                "/agent/occupation/{activityId}/{day}/attente/{bookingId}/retirer")) {
            STAFF_SERVICE.put(p, new String[] {"enfance", "finances"});
        }
        // the CAF report of an enfance activity: its service (finances and the Guichet Unique too), never another service
        for (String p : List.of("/agent/rapport-caf/{activityId}", "/agent/rapport-caf/{activityId}/csv", "/agent/rapport-caf/{activityId}/pdf")) {
            STAFF_SERVICE.put(p, new String[] {"enfance", "restauration"});
        }
        STAFF_SERVICE.put("/agent/facturation", new String[] {"finances", "enfance"});
        STAFF_SERVICE.put("/agent/facturation/lancer", new String[] {"finances", "enfance"});
        STAFF_SERVICE.put("/agent/facturation/{runId}", new String[] {"finances", "restauration"});
        // a desk payment's receipt: the agents who record them (finances, Guichet Unique), not the services
        STAFF_SERVICE.put("/agent/facturation/recus/{paymentId}/pdf", new String[] {"finances", "enfance"});
        // the late invoices and the reminder letters to print: finances only
        STAFF_SERVICE.put("/agent/relances", new String[] {"finances", "enfance"});
        STAFF_SERVICE.put("/agent/relances/courriers.pdf", new String[] {"finances", "restauration"});
        // the finances' spreadsheets (the exports page lists each agent's own)
        STAFF_SERVICE.put("/agent/exports/{key}.csv", new String[] {"finances", "enfance"});
        // a family's SEPA mandate and the paper mandate recorded at the desk: Guichet Unique and finances, not the services
        STAFF_SERVICE.put("/agent/prelevement/{fileId}", new String[] {"guichet", "enfance"});
        // a month's pain.008 file: finances only (it holds every debited family's account)
        STAFF_SERVICE.put("/agent/prelevement/lots/{batchId}/fichier", new String[] {"finances", "guichet"});
        // the bank's rejects: finances only
        STAFF_SERVICE.put("/agent/prelevement/rejets", new String[] {"finances", "guichet"});
        STAFF_SERVICE.put("/agent/aide", new String[] {"guichet", "restauration"});
        STAFF_SERVICE.put("/agent/aide/retrait", new String[] {"guichet", "restauration"});
        // an attachment of a message handled by enfance (see attachmentOf)
        STAFF_SERVICE.put("/agent/messagerie/pieces-jointes/{id}", new String[] {"enfance", "finances"});
        // need-to-know: a service sees the families registered or booked in its activities (the victim's
        // child is registered at the enfance leisure centre, never at the canteen) — see docs/security.md
        STAFF_SERVICE.put("/agent/dossiers/{fileId}", new String[] {"enfance", "restauration"});
        STAFF_SERVICE.put("/agent/dossiers/{fileId}/documents/{documentId}", new String[] {"enfance", "restauration"});
        // the family's scheme (« régime ») is set by the Guichet Unique only, even for a family the service sees
        STAFF_SERVICE.put("/agent/dossiers/{fileId}/regime", new String[] {"guichet", "enfance"});
        // who read which health sheet: the administrators only
        STAFF_SERVICE.put("/agent/fiches-sanitaires/consultations", new String[] {"admin", "guichet"});
        // /agent and the search /agent/dossiers are every agent's (the search lists only the agent's families)
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TaskService taskService;

    private SecurityFamilies.Family victimFamily;
    private SecurityFamilies.Objects victim;
    private SecurityFamilies.Family attacker;

    @BeforeEach
    void twoFamilies() {
        victimFamily = SecurityFamilies.withAccount(jdbc, encoder, "VICTIME");
        victim = SecurityFamilies.everything(jdbc, victimFamily);
        attacker = SecurityFamilies.withAccount(jdbc, encoder, "ATTAQUANT");
    }

    /** One route of the application: a method and a pattern. */
    record Route(String method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }

        /** The staff realm: the staff pages, and what the portal serves to the Camunda webapps (their French words). */
        boolean staff() {
            return pattern.equals("/agent") || pattern.startsWith("/agent/") || pattern.startsWith("/camunda/");
        }
    }

    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.values()) : methods;
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : effective) {
                    if (m == RequestMethod.TRACE) {
                        continue;
                    }
                    if (seen.add(m + " " + pattern)) {
                        routes.add(new Route(m.name(), pattern));
                    }
                }
            }
        });
        assertThat(routes).as("the handler mapping lists the application's routes").hasSizeGreaterThan(50);
        return routes;
    }

    /** The path of a route with its variables replaced by the victim's ids (or, on staff routes, real objects). */
    private String path(Route route) {
        Matcher m = VARIABLE.matcher(route.pattern());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(route.pattern(), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String pattern, String variable) {
        long enfanceActivity = jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
        return switch (variable) {
            case "childId" -> String.valueOf(victimFamily.childId());
            case "pickupPersonId" -> String.valueOf(victim.pickupId());
            case "documentId" -> String.valueOf(victim.documentId());
            case "fileId" -> String.valueOf(victimFamily.fileId());
            case "orderId" -> victim.orderId();
            case "token" -> "jeton-inconnu";
            case "app" -> "tasklist";
            case "index" -> "0";
            // a period and a closure day of the enfance activity, far ahead (their delete asks first: nothing is deleted here)
            case "periodId" -> String.valueOf(jdbc.queryForList("select id from activity_period where activity_id = ? and label = 'Matrice'",
                    Long.class, enfanceActivity).stream().findFirst().orElseGet(() -> jdbc.queryForObject("""
                    insert into activity_period (activity_id, label, start_date, end_date)
                    values (?, 'Matrice', date '2199-01-01', date '2199-01-31') returning id""", Long.class, enfanceActivity)));
            case "closureId" -> {
                jdbc.update("insert into activity_closure (activity_id, day, reason) values (?, date '2199-01-05', 'Matrice') on conflict do nothing",
                        enfanceActivity);
                yield String.valueOf(jdbc.queryForObject("select id from activity_closure where activity_id = ? and day = date '2199-01-05'",
                        Long.class, enfanceActivity));
            }
            case "activityId" -> String.valueOf(enfanceActivity);
            case "bookingId" -> "999999999";
            case "absenceId" -> String.valueOf(victimAbsence());
            case "day" -> java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
            case "key" -> "paiements";
            case "paymentId" -> String.valueOf(victim.deskPaymentId());
            case "runId" -> String.valueOf(jdbc.queryForObject(
                    "insert into billing_run (month, state) values ('2020-01', 'CANCELLED') returning id", Long.class));
            // a month's batch with its file, far ahead (only read here)
            case "batchId" -> String.valueOf(jdbc.queryForObject("""
                    insert into debit_batch (month, business_key, collection_date, state, file, tx_count, ctrl_sum, created_at)
                    values ('2199-12', 'PRLV-2199-12', date '2199-12-10', 'A_CONTROLER', '<Document/>'::bytea, 0, 0, now())
                    on conflict (month) do update set file = excluded.file returning id""", Long.class));
            case "id" -> {
                if (pattern.startsWith("/inscriptions/")) yield String.valueOf(victim.registrationId());
                if (pattern.startsWith("/messagerie/messages/")) yield String.valueOf(victim.messageId());
                if (pattern.contains("pieces-jointes")) yield String.valueOf(victim.attachmentId());
                if (pattern.startsWith("/facturation/factures/")) yield String.valueOf(victim.invoiceId());
                if (pattern.startsWith("/facturation/avoirs/")) yield String.valueOf(jdbc.queryForObject("""
                        insert into credit_note (family_file_id, family_number, family_name, invoice_id, number, state, amount, issued_on, pdf)
                        select family_file_id, family_number, family_name, id, 'AV-T-' || id || '-' || floor(random() * 1e9)::bigint,
                            'ISSUED', 1, current_date, '%PDF'::bytea from invoice where id = ? returning id
                        """, Long.class, victim.invoiceId()));
                if (pattern.startsWith("/facturation/paiement/")) yield String.valueOf(victim.paymentId());
                if (pattern.startsWith("/facturation/recus/")) yield String.valueOf(victim.deskPaymentId());
                if (pattern.startsWith("/agent/activites/")) yield String.valueOf(enfanceActivity);
                throw new AssertionError("no id known for " + pattern + ": teach the matrix this route");
            }
            default -> throw new AssertionError("no value known for {" + variable + "} in " + pattern + ": teach the matrix this route");
        };
    }

    private static Page call(WebSession session, String method, String path, String csrf) {
        if ("GET".equals(method)) {
            return session.get(path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(path));
        if ("HEAD".equals(method)) {
            return session.send(request.method("HEAD", HttpRequest.BodyPublishers.noBody()));
        }
        // a required parameter so that a refusal is the authorization's, not a 400 for a missing field
        String body = "pagePath=%2Fdossier" + (csrf == null ? "" : "&_csrf=" + csrf);
        return session.send(request.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A page's CSRF token (every page of the layout carries the logout form, the login pages their form). */
    private static String csrf(WebSession session, String page) {
        Element token = session.get(page).doc().selectFirst("input[name=_csrf]");
        assertThat(token).as("a CSRF token on " + page).isNotNull();
        return token.attr("value");
    }

    private static boolean redirectsToLogin(Page page, String login) {
        return page.status() == 302 && page.location() != null && page.location().replaceFirst("^https?://[^/]+", "").startsWith(login)
                && !page.location().contains("/connexion?");
    }

    @Test
    void anonymousVisitorsReachOnlyTheDeclaredPublicRoutes() {
        WebSession anonymous = session();
        String familyToken = csrf(anonymous, "/connexion");
        String staffToken = csrf(anonymous, "/agent/connexion");
        Set<String> reachable = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.pattern().equals("/connexion") && !route.method().equals("GET")
                    || route.pattern().equals("/agent/connexion") && !route.method().equals("GET")) {
                continue;  // the login forms themselves (their POST is the security filter's, tested by the login tests)
            }
            Page page = call(anonymous, route.method(), path(route), route.staff() ? staffToken : familyToken);
            String login = route.staff() ? "/agent/connexion" : "/connexion";
            if (!redirectsToLogin(page, login)) {
                reachable.add(route.toString());
                // /error called directly has no error to report: it answers its 500 page (no stack trace)
                if (page.status() >= 500 && !route.pattern().equals("/error")) {
                    wrong.add(route + " answered " + page.status());
                }
            }
        }
        assertThat(wrong).as("no public route fails").isEmpty();
        Set<String> unexpected = new TreeSet<>(reachable);
        unexpected.removeAll(EXPECTED_PUBLIC);
        assertThat(unexpected).as("routes reachable anonymously that are not declared public").isEmpty();
    }

    @Test
    void anotherFamilyNeverGetsTheOwnersObjects() {
        WebSession intruder = session();
        assertThat(intruder.login(attacker.username(), attacker.password()).status()).isEqualTo(200);
        String token = csrf(intruder, "/");
        List<String> leaks = new ArrayList<>();
        for (Route route : routes()) {
            if (route.staff() || !route.pattern().contains("{") || EXPECTED_PUBLIC.contains(route.toString())) {
                continue;
            }
            if (!route.method().equals("GET") && !route.method().equals("POST")) {
                continue;
            }
            Page page = call(intruder, route.method(), path(route), token);
            if (page.status() / 100 == 2 || page.status() >= 500 || page.body().contains(victimFamily.name())
                    || page.body().contains("Texte secret")) {
                leaks.add(route + " → " + page.status());
            }
        }
        // ids of the other family in query strings and form fields
        Page register = intruder.get("/inscriptions/inscrire?activite=" + enfanceActivity() + "&enfant=" + victimFamily.childId());
        if (register.status() != 404) {
            leaks.add("GET /inscriptions/inscrire?enfant=<other> → " + register.status());
        }
        Page registerPost = intruder.postForm("/inscriptions/inscrire", Map.of("_csrf", token,
                "activite", String.valueOf(enfanceActivity()), "enfant", String.valueOf(victimFamily.childId()), "jours", "WEDNESDAY"));
        if (registerPost.status() != 404) {
            leaks.add("POST /inscriptions/inscrire enfant=<other> → " + registerPost.status());
        }
        Page returned = intruder.get("/paiement/retour?vads_order_id=" + victim.orderId());
        if (returned.body().contains(victim.orderId())) {
            leaks.add("GET /paiement/retour?vads_order_id=<other> shows the payment");
        }
        assertThat(leaks).as("routes giving another family's objects").isEmpty();
        // and nothing of the victim changed
        assertThat(jdbc.queryForObject("select state from registration where id = ?", String.class, victim.registrationId()))
                .isEqualTo("VALIDATED");
        assertThat(jdbc.queryForObject("select count(*) from pickup_person where id = ?", Integer.class, victim.pickupId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from registration where child_id = ?", Integer.class, victimFamily.childId())).isEqualTo(1);
    }

    /**
     * The family routes of « Payer par prélèvement » and of PayFiP take no id: they work on the
     * logged-in family's own file. Another family, with ids of the owner's file added to every
     * form, never sees the owner's mandate (its RUM, holder, account) on any family page, nor its
     * PDF, nor the owner's PayFiP operation; signing, changing and revoking act on its own file only.
     */
    @Test
    void anotherFamilyNeverReachesTheOwnersMandateNorItsPayFiPOperation() {
        String rum = "PF-MATRICE-" + victimFamily.fileId();
        String holder = "Titulaire " + victimFamily.name();
        jdbc.update("""
                insert into debit_mandate (family_file_id, rum, holder, iban, signed_on, channel, state, created_at)
                values (?, ?, ?, 'FR7630006000011234567890189', current_date, 'EN_LIGNE', 'ACTIF', now())""",
                victimFamily.fileId(), rum, holder);
        String idOp = "IDOP" + victimFamily.fileId() + "X" + System.nanoTime();
        String reference = "R" + idOp;
        long payFip = jdbc.queryForObject("""
                insert into payment (family_file_id, amount_cents, status, order_id, trans_id, trans_date, gateway, id_op)
                values (?, 1200, 'PENDING', ?, lpad(nextval('payment_trans_id_seq')::text, 6, '0'),
                    to_char(now() at time zone 'UTC', 'YYYYMMDDHH24MISS'), 'PAYFIP', ?) returning id""",
                Long.class, victimFamily.fileId(), reference, idOp);

        WebSession intruder = session();
        assertThat(intruder.login(attacker.username(), attacker.password()).status()).isEqualTo(200);
        List<String> leaks = new ArrayList<>();
        for (Route route : routes()) {
            if (route.staff() || route.pattern().contains("{") || !route.method().equals("GET") || EXPECTED_PUBLIC.contains(route.toString())) {
                continue;
            }
            Page page = intruder.get(route.pattern());
            if (page.body().contains(rum) || page.body().contains(holder) || page.body().contains("7890189") || page.body().contains(idOp)) {
                leaks.add(route + " shows the owner's mandate or PayFiP operation");
            }
        }
        assertThat(intruder.get("/facturation/prelevement/mandat.pdf").status()).isEqualTo(404);
        Page toGateway = intruder.get("/facturation/paiement/" + payFip);
        if (toGateway.status() / 100 == 2 || toGateway.body().contains(idOp)) {
            leaks.add("GET /facturation/paiement/<owner's PayFiP payment> → " + toGateway.status());
        }
        if (intruder.get("/paiement/retour?refdet=" + reference).body().contains(reference)) {
            leaks.add("GET /paiement/retour?refdet=<owner's> shows the payment");
        }
        if (intruder.get("/paiement/" + reference + "/etat").status() != 404) {
            leaks.add("GET /paiement/<owner's reference>/etat answers");
        }

        // the owner's file id slipped into each form: the intruder signs, changes and revokes its own mandate only
        Map<String, String> owner = Map.of("familyFileId", String.valueOf(victimFamily.fileId()), "fileId", String.valueOf(victimFamily.fileId()),
                "id", String.valueOf(victimFamily.fileId()));
        for (String form : List.of("#signer", "#modifier", "#revoquer")) {
            Map<String, String> values = new HashMap<>(owner);
            values.putAll(Map.of("holder", "Intrus", "iban", "FR7699999000010000000000212", "accepted", "true", "confirmed", "true"));
            Page done = intruder.follow(intruder.submit(intruder.get("/facturation/prelevement"), form, values));
            if (done.body().contains(rum) || done.body().contains(holder)) {
                leaks.add("POST " + form + " shows the owner's mandate");
            }
        }
        assertThat(leaks).as("the owner's mandate or PayFiP operation reached by another family").isEmpty();
        assertThat(jdbc.queryForMap("select state, holder, iban from debit_mandate where rum = ?", rum)).containsEntry("state", "ACTIF")
                .containsEntry("holder", holder).containsEntry("iban", "FR7630006000011234567890189");
        assertThat(jdbc.queryForList("select state from debit_mandate where family_file_id = ?", String.class, attacker.fileId()))
                .as("the intruder's own mandate, signed then revoked").containsExactly("REVOQUE");
        assertThat(jdbc.queryForObject("select status from payment where id = ?", String.class, payFip)).isEqualTo("PENDING");
    }

    private Long victimAbsence;

    /** An absence of the victim's child at the centre de loisirs, with a certificate. */
    private long victimAbsence() {
        if (victimAbsence == null) {
            victimAbsence = jdbc.queryForObject("""
                    insert into absence (family_file_id, child_id, activity_id, day, reason, certificate, certificate_name,
                        certificate_media_type, certificate_size, declared_by, declared_at)
                    values (?, ?, ?, current_date + 20, 'MALADIE', ?, 'certificat.pdf', 'application/pdf', 4, 'test', now()) returning id""",
                    Long.class, victimFamily.fileId(), victimFamily.childId(), enfanceActivity(), "%PDF".getBytes());
        }
        return victimAbsence;
    }

    private long enfanceActivity() {
        return jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
    }

    @Test
    void aFamilySessionOpensNoStaffRoute() {
        WebSession family = session();
        family.login(attacker.username(), attacker.password());
        for (Route route : routes()) {
            if (route.staff() && route.method().equals("GET") && !route.pattern().equals("/agent/connexion")) {
                assertThat(redirectsToLogin(family.get(path(route)), "/agent/connexion")).as(route.toString()).isTrue();
            }
        }
    }

    @Test
    void staffRoutesOpenToTheRightServiceOnly() {
        Map<String, WebSession> agents = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (String user : List.of("guichet", "enfance", "restauration", "finances", "admin")) {
            WebSession agent = session();
            Page form = agent.get("/agent/connexion");
            Page logged = agent.follow(agent.submit(form, "form[action$=/agent/connexion]", Map.of("username", user, "password", "demo")));
            assertThat(logged.status()).as(user + " logs in").isEqualTo(200);
            agents.put(user, agent);
            tokens.put(user, csrf(agent, "/agent"));
        }
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.staff() || route.pattern().equals("/agent/connexion")
                    || !route.method().equals("GET") && !route.method().equals("POST")) {
                continue;
            }
            String[] service = STAFF_SERVICE.get(route.pattern());
            if (service != null) {
                Page denied = call(agents.get(service[1]), route.method(), path(route), tokens.get(service[1]));
                if (denied.status() != 403 && denied.status() != 404) {
                    wrong.add(route + " as " + service[1] + " → " + denied.status());
                }
            }
            if (route.method().equals("GET")) {
                // a state-changing POST by the right agent is each module's own test
                String right = service == null ? "guichet" : service[0];
                Page allowed = call(agents.get(right), route.method(), path(route), tokens.get(right));
                if (allowed.status() / 100 != 2) {
                    wrong.add(route + " as " + right + " → " + allowed.status());
                }
            }
        }
        assertThat(wrong).as("staff routes answering the wrong agent, or refusing the right one").isEmpty();
    }

    // --- Camunda: its own authorizations apply through /engine-rest and the webapps' API ---

    private String enfanceTask() {
        WebSession family = session();
        family.login(attacker.username(), attacker.password());
        Page form = family.get("/inscriptions/inscrire?activite=" + enfanceActivity() + "&enfant=" + attacker.childId());
        assertThat(form.status()).isEqualTo(200);
        Page sent = family.submit(form, "form[action$=/inscriptions/inscrire]", Map.of("jours", "WEDNESDAY"));
        assertThat(sent.isRedirectTo("/inscriptions")).as(sent.text()).isTrue();
        String instance = jdbc.queryForObject("select process_instance_id from registration where child_id = ?", String.class, attacker.childId());
        Task task = taskService.createTaskQuery().processDefinitionKey(PreRegistrationProcess.KEY)
                .processInstanceId(instance).singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("enfance"));
        return task.getId();
    }

    private static HttpRequest.Builder basic(WebSession session, String path, String user) {
        return HttpRequest.newBuilder(session.uri(path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    }

    @Test
    void engineRestKeepsAnEnfanceTaskFromRestauration() {
        String taskId = enfanceTask();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        WebSession rest = session();

        Page list = rest.send(basic(rest, "/engine-rest/task?processInstanceId=" + task.getProcessInstanceId(), "restauration").GET());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
        assertThat(rest.send(basic(rest, "/engine-rest/task/" + taskId, "restauration").GET()).status()).isIn(403, 404);
        assertThat(rest.send(basic(rest, "/engine-rest/task/" + taskId + "/variables", "restauration").GET()).status()).isIn(403, 404);
        assertThat(rest.send(basic(rest, "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables", "restauration")
                .GET()).status()).isIn(403, 404);
        assertThat(rest.send(basic(rest, "/engine-rest/variable-instance?processInstanceIdIn=" + task.getProcessInstanceId(), "restauration")
                .GET()).body()).isEqualTo("[]");
        Page complete = rest.send(basic(rest, "/engine-rest/task/" + taskId + "/complete", "restauration")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}")));
        assertThat(complete.status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);

        // the right service sees it
        Page own = rest.send(basic(rest, "/engine-rest/task?processInstanceId=" + task.getProcessInstanceId(), "enfance").GET());
        assertThat(own.body()).contains(taskId);
    }

    @Test
    void camundaWebappsKeepAnEnfanceTaskFromRestauration() {
        String taskId = enfanceTask();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        String api = "/camunda/api/engine/engine/default";

        TasklistUser restauration = tasklistLogin("restauration");
        Page list = restauration.get(api + "/task?processInstanceId=" + task.getProcessInstanceId());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
        assertThat(restauration.get(api + "/task/" + taskId).status()).isIn(403, 404);
        assertThat(restauration.get(api + "/task/" + taskId + "/variables").status()).isIn(403, 404);
        assertThat(restauration.get(api + "/process-instance/" + task.getProcessInstanceId() + "/variables").status()).isIn(403, 404);
        assertThat(restauration.post(api + "/task/" + taskId + "/complete", "{\"variables\":{}}").status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);

        // the right service sees it through the same API
        TasklistUser enfance = tasklistLogin("enfance");
        Page own = enfance.get(api + "/task?processInstanceId=" + task.getProcessInstanceId());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(taskId);
        assertThat(enfance.get(api + "/task/" + taskId + "/variables").status()).isEqualTo(200);
    }

    /**
     * History, comments and attachments follow the live task: every staff group, through
     * {@code /engine-rest} and through the webapps' API, reads the history of an {@code enfance}
     * pre-registration only if it may read its task, and writes a comment or an attachment on the
     * task only if it may work on it.
     */
    @Test
    void historyCommentsAndAttachmentsOfAnEnfanceTaskFollowItsAuthorizations() {
        String taskId = enfanceTask();
        String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        List<String> history = List.of("/history/variable-instance?processInstanceId=" + instance,
                "/history/task?processInstanceId=" + instance, "/history/process-instance?processInstanceId=" + instance,
                "/history/detail?processInstanceId=" + instance, "/history/identity-link-log?taskId=" + taskId,
                "/history/activity-instance?processInstanceId=" + instance, "/history/user-operation?taskId=" + taskId,
                "/history/task/count?processInstanceId=" + instance, "/history/variable-instance/count?processInstanceId=" + instance);
        String api = "/camunda/api/engine/engine/default";
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("guichet", "enfance", "restauration", "finances")) {
            boolean own = user.equals("enfance");
            WebSession rest = session();
            TasklistUser tasklist = tasklistLogin(user);
            for (String path : history) {
                Page viaRest = rest.send(basic(rest, "/engine-rest" + path, user).GET());
                Page viaWebapp = tasklist.get(api + path);
                for (Page page : List.of(viaRest, viaWebapp)) {
                    boolean empty = page.status() == 403 || page.body().equals("[]") || page.body().equals("{\"count\":0}");
                    if (page.status() >= 500 || empty == own && !path.contains("user-operation")) {
                        wrong.add(user + " GET " + page.url() + " → " + page.status() + " " + abbreviate(page.body()));
                    }
                    if (!own && page.body().contains(attacker.name())) {
                        wrong.add(user + " GET " + page.url() + " shows the family");
                    }
                }
            }
            String comment = "{\"message\":\"Commentaire de " + user + "\"}";
            Page restComment = rest.send(basic(rest, "/engine-rest/task/" + taskId + "/comment/create", user)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(comment)));
            Page webappComment = tasklist.post(api + "/task/" + taskId + "/comment/create", comment);
            Page restAttachment = rest.send(basic(rest, "/engine-rest/task/" + taskId + "/attachment/create", user)
                    .header("Content-Type", "multipart/form-data; boundary=b0undary")
                    .POST(HttpRequest.BodyPublishers.ofString(attachmentForm(user))));
            // the upload Tasklist makes: multipart through the webapps' API, with the session and its CSRF token
            Page webappAttachment = tasklist.postMultipart(api + "/task/" + taskId + "/attachment/create", attachmentForm(user));
            for (Page page : List.of(restComment, webappComment, restAttachment, webappAttachment)) {
                // refused: 403, or the engine's « no task found » (400, 404) for a task it does not show this user
                if (own ? page.status() != 200 : page.status() != 400 && page.status() != 403 && page.status() != 404) {
                    wrong.add(user + " POST " + page.url() + " → " + page.status() + " " + abbreviate(page.body()));
                }
            }
            for (String read : List.of("/task/" + taskId + "/comment", "/task/" + taskId + "/attachment")) {
                Page viaRest = rest.send(basic(rest, "/engine-rest" + read, user).GET());
                Page viaWebapp = tasklist.get(api + read);
                for (Page page : List.of(viaRest, viaWebapp)) {
                    if (!own && (page.status() / 100 == 2 || page.status() >= 500)) {
                        wrong.add(user + " GET " + page.url() + " → " + page.status());
                    }
                }
            }
        }
        assertThat(wrong).as("history, comments and attachments answering a service that may not read or work on the task,"
                + " or refusing the task's own service").isEmpty();
        assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getFullMessage())
                .containsOnly("Commentaire de enfance");
        assertThat(taskService.getTaskAttachments(taskId)).as("the two files of enfance, through /engine-rest and Tasklist's API")
                .extracting(a -> a.getName()).containsExactly("note-enfance", "note-enfance");
    }

    private static String attachmentForm(String user) {
        return "--b0undary\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nnote-" + user
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\ntext/plain"
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"content\"; filename=\"note-" + user + ".txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nCompte rendu d'appel de " + user
                + "\r\n--b0undary--\r\n";
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** A staff user logged into Tasklist: the webapps' session and their CSRF token. */
    private record TasklistUser(WebSession session, String xsrf) {

        Page get(String path) {
            return session.send(HttpRequest.newBuilder(session.uri(path)).header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", xsrf).GET());
        }

        Page postMultipart(String path, String form) {
            return session.send(HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "multipart/form-data; boundary=b0undary")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        Page post(String path, String json) {
            return session.send(HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    /** Signed in once on /agent/connexion, then in Tasklist with that session (the webapps' CSRF token of its first page). */
    private TasklistUser tasklistLogin(String user) {
        WebSession agent = session();
        Page signedIn = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        assertThat(signedIn.url()).as("staff sign-in of " + user).endsWith("/agent");
        Page app = agent.get("/camunda/app/tasklist/default/");
        assertThat(app.status()).as("Tasklist of " + user).isEqualTo(200);
        return new TasklistUser(agent, cookie(app, "XSRF-TOKEN", null));
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
