package fr.portailfamille.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StaffBrowser;
import fr.portailfamille.support.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff's side in the real Tasklist: agent {@code enfance} logs in, finds the family's message
 * in « Tâches de mon service », sees it in the Camunda Form {@code answerMessage}, claims the task,
 * answers and completes it; the answer lands in the family's inbox.
 */
class TasklistAnswerBrowserTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void anAgentAnswersAFamilyInTasklistThroughTheCamundaForm() {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession parent = session();
        parent.login(family.username(), MessagingFamilies.PASSWORD);
        parent.get("/messagerie/nouveau");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", parent.csrfToken());
        fields.put("service", "Centre de loisirs");
        fields.put("theme", "Inscription");
        fields.put("subject", "Question Tasklist " + family.fileId());
        fields.put("body", "Léa peut-elle venir le mercredi après-midi seulement ?");
        assertThat(parent.postMultipart("/messagerie/nouveau", fields, List.of()).status()).isEqualTo(302);

        try (StaffBrowser agent = StaffBrowser.signedIn(BASE_URL, "enfance", "demo")) {
            // the card of this family's message (its subject on the card), whatever else the service has to do
            agent.serviceTaskCard(java.util.regex.Pattern.compile("Question Tasklist " + family.fileId() + "\\b")).click();
            Page tasklist = agent.page();

            // the Camunda Form shows the family's message, read-only
            assertThat(tasklist.getByLabel("Objet")).hasValue("Centre de loisirs – Inscription : Question Tasklist " + family.fileId());
            assertThat(tasklist.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("Léa peut-elle venir le mercredi après-midi seulement ?");

            tasklist.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
            tasklist.getByLabel("Réponse à la famille").fill("Oui, l'accueil de l'après-midi commence à 13 h 30.");
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer").setExact(true)).click();
            tasklist.getByText("Aucune tâche ne correspond à ce filtre.").or(tasklist.getByText("Choisissez une tâche dans la liste.")).first().waitFor();
        }

        String inbox = parent.get("/messagerie").text();
        assertThat(inbox).contains("Question Tasklist " + family.fileId());
        Long answers = jdbc.queryForObject("select count(*) from message where family_file_id = ? and direction <> 'FAMILY_TO_SERVICE'"
                + " and body = ?", Long.class, family.fileId(), "Oui, l'accueil de l'après-midi commence à 13 h 30.");
        assertThat(answers).as("the agent's answer is in the family's inbox").isEqualTo(1);
    }
}
