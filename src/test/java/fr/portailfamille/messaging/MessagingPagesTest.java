package fr.portailfamille.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The family's Messagerie over real HTTP: sending with files, refusals that keep what was typed,
 * escaped text, the unread counter, threads, and who may read what (families, staff groups).
 */
class MessagingPagesTest extends PortalIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired MessageStore store;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;

    private WebSession loggedIn(TestFamily family) {
        WebSession session = session();
        session.login(family.username(), MessagingFamilies.PASSWORD);
        return session;
    }

    static Map<String, String> fields(String service, String theme, String subject, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", service);
        fields.put("theme", theme);
        fields.put("subject", subject);
        fields.put("body", body);
        return fields;
    }

    private Page post(WebSession session, Map<String, String> fields, List<FilePart> files) {
        session.get("/messagerie/nouveau");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", session.csrfToken());
        all.putAll(fields);
        return session.postMultipart("/messagerie/nouveau", all, files);
    }

    private long lastSentId(TestFamily family) {
        return jdbc.queryForObject("select max(id) from message where family_file_id = ? and direction = 'FAMILY_TO_SERVICE'",
                Long.class, family.fileId());
    }

    private long attachmentOf(long messageId) {
        return store.attachmentsOf(messageId).get(0).id();
    }

    private int sentCount(TestFamily family) {
        return store.messagesOf(family.fileId(), MessageStore.Direction.FAMILY_TO_SERVICE).size();
    }

    static HttpRequest.Builder basic(WebSession session, String path, String user) {
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(session.uri(path)).header("Authorization", "Basic " + token)
                .header("Accept", "application/json").GET();
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    @Test
    void aFamilyWithoutAnyMessageSeesEmptyInboxAndSentBoxes() {
        WebSession family = loggedIn(MessagingFamilies.create(jdbc, encoder));

        Page received = family.get("/messagerie");
        Page sent = family.get("/messagerie/envoyes");

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text()).contains("Vous n'avez reçu aucun message.");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.text()).contains("Vous n'avez envoyé aucun message.");
    }

    @Test
    void theSendFormHasTheGuidesFieldsAndTheTablesServices() {
        Page page = loggedIn(MessagingFamilies.create(jdbc, encoder)).get("/messagerie/nouveau");

        Document doc = page.doc();
        assertThat(doc.select("label").eachText())
                .contains("Service *", "Thèmes *", "Objet *", "Message *", "Fichier", "Confirmation par mail");
        assertThat(doc.select("#message-form button[type=submit]").text()).isEqualTo("Envoyer");
        assertThat(doc.select(".messaging-menu a").eachText()).containsExactly("Messages reçus", "Envoyés", "Envoyer un message");
        assertThat(doc.select("#service option").eachText()).contains("Centre de loisirs", "Restauration scolaire", "Facturation", "Guichet Unique");
        assertThat(doc.select("#theme optgroup[label=Restauration scolaire] option").eachText())
                .containsExactly("Menus et allergies", "Inscription à la cantine");
        assertThat(doc.select("input[type=file][name=fichiers]").hasAttr("multiple")).isTrue();
        assertThat(doc.select("script:not([src])")).as("no inline script").isEmpty();
    }

    @Test
    void aFamilySendsAMessageWithAPdfAndFindsItAmongItsSentMessages() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);

        Page sent = post(session, fields("Centre de loisirs", "Inscription", "Vacances d'été", "Bonjour,\nune question."),
                List.of(new FilePart("fichiers", "../../attestation CAF été.pdf", "application/pdf", PDF)));

        assertThat(sent.isRedirectTo("/messagerie/envoyes")).as(sent.body()).isTrue();
        Page list = session.follow(sent);
        assertThat(list.text()).contains("Votre message a été envoyé au service « Centre de loisirs »").contains("Vacances d'été");
        long id = lastSentId(family);
        Page thread = session.open("/messagerie/messages/" + id);
        assertThat(thread.doc().select(".message-body").text()).contains("une question");
        assertThat(thread.doc().select(".thread-message a").eachText()).containsExactly("attestation_CAF_ete.pdf");

        Page download = session.get(thread.doc().select(".thread-message a").attr("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-type")).isEqualTo("application/pdf");
        assertThat(download.header("content-disposition")).contains("attachment").contains("attestation_CAF_ete.pdf");
        assertThat(store.message(id).orElseThrow().handlingGroup()).isEqualTo("enfance");
    }

    @Test
    void missingFieldsAreRefusedInFrenchAndWhatWasTypedIsKept() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);

        Page refused = post(session, fields("Restauration scolaire", "Inscription", "Mon objet", "   "), List.of());

        assertThat(refused.status()).isEqualTo(200);
        Document doc = refused.doc();
        assertThat(doc.select("#theme-erreur").text()).contains("ne correspond pas au service choisi");
        assertThat(doc.select("#body-erreur").text()).isEqualTo("Écrivez votre message.");
        assertThat(doc.select("#body").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#body").attr("aria-describedby")).isEqualTo("body-erreur");
        assertThat(doc.select("#subject").val()).isEqualTo("Mon objet");
        assertThat(doc.select("#service option[selected]").text()).isEqualTo("Restauration scolaire");
        assertThat(sentCount(family)).isZero();

        Page empty = post(session, fields("", "", "", ""), List.of());
        assertThat(empty.doc().select(".field-error").eachText()).containsExactly(
                "Choisissez le service concerné.", "Choisissez le thème du message.", "Indiquez l'objet du message.", "Écrivez votre message.");
    }

    @Test
    void anExeRenamedPdfIsRefusedAndTheTextIsKept() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);

        Page refused = post(loggedIn(family), fields("Facturation", "Facture", "Ma facture", "Voici la facture <corrigée>."),
                List.of(new FilePart("fichiers", "facture.pdf", "application/pdf", exe)));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#files-erreur").text()).isEqualTo("Le fichier « facture.pdf » n'est ni un PDF, ni une image JPEG ou PNG.");
        assertThat(refused.doc().select("#body").text()).isEqualTo("Voici la facture <corrigée>.");
        assertThat(refused.doc().select("#theme option[selected]").text()).isEqualTo("Facture");
        assertThat(sentCount(family)).isZero();
    }

    @Test
    void aSixMegabyteFileIsRefusedAndTheTextIsKept() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        byte[] big = Arrays.copyOf(PDF, 6 * 1024 * 1024);

        Page refused = post(loggedIn(family), fields("Facturation", "Paiement", "Gros fichier", "Le scan est lourd."),
                List.of(new FilePart("fichiers", "scan.pdf", "application/pdf", big)));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#files-erreur").text()).contains("« scan.pdf » dépasse 5 Mo");
        assertThat(refused.doc().select("#body").text()).isEqualTo("Le scan est lourd.");
        assertThat(refused.doc().select("#subject").val()).isEqualTo("Gros fichier");
        assertThat(sentCount(family)).isZero();
    }

    @Test
    void htmlInTheTextIsStoredAsTypedAndShownEscaped() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);
        String payload = "<script>alert('pirate')</script><b>gras</b> & co";

        session.follow(post(session, fields("Guichet Unique", "Dossier famille", "<i>Objet</i>", payload), List.of()));

        long id = lastSentId(family);
        assertThat(store.message(id).orElseThrow().body()).isEqualTo(payload);
        Page thread = session.open("/messagerie/messages/" + id);
        assertThat(thread.body()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(").doesNotContain("<b>gras</b>");
        assertThat(thread.doc().select(".message-body").text()).isEqualTo(payload);
        assertThat(thread.doc().select(".message-body b, .message-body script, h2 i")).isEmpty();
    }

    @Test
    void anotherFamilyCanReadNeitherTheMessagesNorTheAttachments() {
        TestFamily owner = MessagingFamilies.create(jdbc, encoder);
        post(loggedIn(owner), fields("Centre de loisirs", "Inscription", "Confidentiel " + owner.name(), "Texte privé"),
                List.of(new FilePart("fichiers", "avis.pdf", "application/pdf", PDF)));
        long messageId = lastSentId(owner);
        long attachmentId = attachmentOf(messageId);

        WebSession other = loggedIn(MessagingFamilies.create(jdbc, encoder));

        assertThat(other.get("/messagerie/messages/" + messageId).status()).isEqualTo(404);
        assertThat(other.get("/messagerie/pieces-jointes/" + attachmentId).status()).isEqualTo(404);
        assertThat(other.get("/messagerie/pieces-jointes/" + (attachmentId + 1000)).status()).isEqualTo(404);
        other.get("/messagerie");
        Page reply = other.postMultipart("/messagerie/messages/" + messageId + "/repondre",
                Map.of("_csrf", other.csrfToken(), "body", "intrusion"), List.of());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(other.open("/messagerie/envoyes").text()).doesNotContain("Confidentiel " + owner.name());
        assertThat(store.thread(store.message(messageId).orElseThrow().conversationId())).hasSize(1);
    }

    @Test
    void onlyTheHandlingGroupSeesTheTaskAndDownloadsTheAttachment() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        post(loggedIn(family), fields("Centre de loisirs", "Planning et réservations", "Planning", "Texte"),
                List.of(new FilePart("fichiers", "planning.pdf", "application/pdf", PDF)));
        long messageId = lastSentId(family);
        long attachmentId = attachmentOf(messageId);
        WebSession rest = session();
        String query = "/engine-rest/task?processInstanceBusinessKeyLike=" + String.format("MSG-%06d%%25", messageId);

        Page forEnfance = rest.send(basic(rest, query, "enfance"));
        Page forRestauration = rest.send(basic(rest, query, "restauration"));

        assertThat(forEnfance.status()).isEqualTo(200);
        assertThat(forEnfance.body()).contains("Répondre au message");
        assertThat(forRestauration.status()).isEqualTo(200);
        assertThat(forRestauration.body().trim()).isEqualTo("[]");

        assertThat(agent("restauration").get("/agent/messagerie/pieces-jointes/" + attachmentId).status()).isEqualTo(404);
        Page download = agent("enfance").get("/agent/messagerie/pieces-jointes/" + attachmentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-type")).isEqualTo("application/pdf");
        // opened from the Tasklist form in a new tab, where the PDF is shown
        assertThat(download.header("content-disposition")).startsWith("inline");
        assertThat(agent("admin").get("/agent/messagerie/pieces-jointes/" + attachmentId).status()).as("camunda-admin").isEqualTo(200);
        assertThat(session().get("/agent/messagerie/pieces-jointes/" + attachmentId).isRedirectTo("/agent/connexion")).isTrue();
    }

    @Test
    void theTabCountsUnreadAnswersAndReadingTheThreadLowersIt() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);
        post(session, fields("Restauration scolaire", "Menus et allergies", "Allergie", "Mon fils est allergique."), List.of());
        long messageId = lastSentId(family);
        assertThat(session.open("/").doc().select("nav.tabs a[href=/messagerie]").text()).isEqualTo("Messagerie");

        Task task = tasks.createTaskQuery().processDefinitionKey("messageRouting").processInstanceBusinessKeyLike(String.format("MSG-%06d %%", messageId)).singleResult();
        identity.setAuthentication("restauration", List.of("restauration"));
        try {
            forms.submitTaskForm(task.getId(), Map.of("answer", "Nous prévoyons un repas adapté.", "forwardTo", ""));
        } finally {
            identity.clearAuthentication();
        }

        Page home = session.open("/");
        assertThat(home.doc().select("nav.tabs a[href=/messagerie]").text()).isEqualTo("Messagerie (1)");
        assertThat(home.doc().select("#tuile-messagerie .tile-count").text()).isEqualTo("Messagerie (1)");
        Page received = session.open("/messagerie");
        assertThat(received.doc().select("tr.unread").text()).contains("Re : Allergie").contains("Non lu");

        long answerId = store.messagesOf(family.fileId(), MessageStore.Direction.SERVICE_TO_FAMILY).get(0).id();
        Page thread = session.open("/messagerie/messages/" + answerId);
        assertThat(thread.doc().select(".message-body").eachText()).containsExactly("Mon fils est allergique.", "Nous prévoyons un repas adapté.");
        assertThat(thread.doc().select("nav.tabs a[href=/messagerie]").text()).isEqualTo("Messagerie");
        assertThat(session.open("/messagerie").doc().select("tr.unread")).isEmpty();
    }

    @Test
    void aFollowUpStaysInTheSameThreadAndIsRoutedAgain() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);
        post(session, fields("Facturation", "Facture", "Facture de mars", "Montant erroné ?"), List.of());
        long first = lastSentId(family);

        Page thread = session.open("/messagerie/messages/" + first);
        Page refused = session.postMultipart("/messagerie/messages/" + first + "/repondre",
                Map.of("_csrf", session.csrfToken(), "body", " "), List.of());
        assertThat(refused.doc().select("#body-erreur").text()).isEqualTo("Écrivez votre message.");
        Page sent = session.postMultipart("/messagerie/messages/" + first + "/repondre",
                Map.of("_csrf", thread.doc().select("#reply-form input[name=_csrf]").val(), "body", "J'ajoute la facture."),
                List.of(new FilePart("fichiers", "facture.pdf", "application/pdf", PDF)));

        Page followUp = session.follow(sent);
        assertThat(followUp.text()).contains("Votre message a été envoyé");
        assertThat(followUp.doc().select(".message-body").eachText()).containsExactly("Montant erroné ?", "J'ajoute la facture.");
        long second = lastSentId(family);
        assertThat(store.message(second).orElseThrow().conversationId()).isEqualTo(store.message(first).orElseThrow().conversationId());
        assertThat(store.message(second).orElseThrow().subject()).isEqualTo("Re : Facture de mars");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(String.format("MSG-%06d %%", second)).taskCandidateGroup("finances").count()).isEqualTo(1);
    }

    @Test
    void anyStaffGroupStartsWriteToFamilyFromTasklistAndTheFamilyReadsIt() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession rest = session();
        assertThat(rest.send(basic(rest, "/engine-rest/process-definition/key/writeToFamily/deployed-start-form", "finances")).status())
                .as("the start form is readable").isEqualTo(200);
        String json = "{\"variables\":{\"familyFileNumber\":{\"value\":\"" + family.number() + "\"},"
                + "\"subject\":{\"value\":\"Facture de cantine\"},\"text\":{\"value\":\"Votre facture est disponible <ici>.\"}}}";

        Page started = rest.send(basic(rest, "/engine-rest/process-definition/key/writeToFamily/submit-form", "finances")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        jobs().executeDue(started.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"));
        mailbox().await(family.email(), "Vous avez reçu un message");
        WebSession familySession = loggedIn(family);
        Page received = familySession.open("/messagerie");
        assertThat(received.doc().select("nav.tabs a[href=/messagerie]").text()).isEqualTo("Messagerie (1)");
        assertThat(received.doc().select("tr.unread").text()).contains("Service Finances").contains("Facture de cantine");
        Page thread = familySession.open(received.doc().select("tr.unread a").attr("href"));
        assertThat(thread.doc().select(".message-body").text()).isEqualTo("Votre facture est disponible <ici>.");
    }

    @Test
    void theDemoFamilyHasAThreadWithTheCentreDeLoisirs() {
        WebSession session = session();
        session.login("dupont", "Portail-Demo-2026");

        Page received = session.open("/messagerie");

        assertThat(received.text()).contains("Re : " + MessagingDemoData.SUBJECT).contains("Centre de loisirs");
        assertThat(session.open("/messagerie/envoyes").text()).contains(MessagingDemoData.SUBJECT);
    }
}
