package fr.portailfamille.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A family cannot flood the services: at most 10 messages an hour (each one a staff task), and at
 * most 50 MB of attachments a day; beyond, a French sentence and nothing stored, no task started.
 */
class MessageQuotaTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    /** A PDF of {@code size} bytes (the header of a valid one, then padding). */
    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(MessagingPagesTest.PDF, 0, bytes, 0, MessagingPagesTest.PDF.length);
        return bytes;
    }

    private WebSession loggedIn(TestFamily family) {
        WebSession session = session();
        session.login(family.username(), MessagingFamilies.PASSWORD);
        return session;
    }

    private Page send(WebSession session, String subject, List<FilePart> files) {
        Page form = session.get("/messagerie/nouveau");
        Map<String, String> fields = new LinkedHashMap<>();
        for (var input : form.doc().select("form[action$=/nouveau] input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.putAll(MessagingPagesTest.fields("Centre de loisirs", "Inscription", subject, "Bonjour, une question."));
        return session.postMultipart("/messagerie/nouveau", fields, files);
    }

    private int sent(TestFamily family) {
        return jdbc.queryForObject("select count(*) from message where family_file_id = ? and direction = 'FAMILY_TO_SERVICE'",
                Integer.class, family.fileId());
    }

    private long routingProcesses() {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MessageRoutingProcess.KEY).count();
    }

    @Test
    void theEleventhMessageOfTheHourIsRefusedInFrenchAndStartsNoTask() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);
        for (int i = 1; i <= 10; i++) {
            assertThat(send(session, "Question " + i, List.of()).isRedirectTo("/messagerie/envoyes")).as("message " + i).isTrue();
        }
        long processes = routingProcesses();

        Page refused = send(session, "Question 11", List.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select(".alert-error").text()).contains("10 messages en une heure").contains("Guichet Unique");
        assertThat(refused.doc().select("#subject").attr("value")).as("what was typed is kept").isEqualTo("Question 11");
        assertThat(sent(family)).isEqualTo(10);
        assertThat(routingProcesses()).as("no task for the eleventh").isEqualTo(processes);

        TestFamily other = MessagingFamilies.create(jdbc, encoder);
        assertThat(send(loggedIn(other), "Une autre famille", List.of()).isRedirectTo("/messagerie/envoyes"))
                .as("the allowance is per family").isTrue();
    }

    @Test
    void attachmentsBeyondFiftyMegabytesADayAreRefused() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = loggedIn(family);
        // what the family sent earlier today: two messages of five 4.8 MB files, 48 MB
        for (int message = 1; message <= 2; message++) {
            List<FilePart> files = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                files.add(new FilePart("fichiers", "scan-" + message + "-" + i + ".pdf", "application/pdf", pdfOf(48 * 1024 * 1024 / 10)));
            }
            assertThat(send(session, "Pièces " + message, files).isRedirectTo("/messagerie/envoyes")).as("message " + message).isTrue();
        }
        byte[] threeMegabytes = pdfOf(3 * 1024 * 1024);

        Page refused = send(session, "Encore des pièces", List.of(new FilePart("fichiers", "releve.pdf", "application/pdf", threeMegabytes)));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select(".alert-error").text()).contains("50 Mo sur une journée");
        assertThat(sent(family)).isEqualTo(2);
        assertThat(send(session, "Sans pièce jointe", List.of()).isRedirectTo("/messagerie/envoyes")).as("a message without file goes").isTrue();
    }
}
