package fr.portailfamille.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.messaging.MessagingFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A double click on « Envoyer », over real HTTP in one session: the same form posted twice at once
 * stores one message (one task for the service) and both answers lead to « Messages envoyés »,
 * never to « Une erreur est survenue ».
 */
class DoubleClickSendTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void theSameFormSentTwiceAtOnceStoresOneMessageAndBothAnswersShowTheSentBox() throws Exception {
        TestFamily family = MessagingFamilies.create(jdbc, encoder);
        WebSession session = session();
        session.login(family.username(), MessagingFamilies.PASSWORD);
        Page form = session.get("/messagerie/nouveau");
        Map<String, String> fields = new LinkedHashMap<>();
        for (var input : form.doc().select("form[action$=/nouveau] input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        assertThat(fields).as("the form carries a one-time token").containsKey("_formulaire");
        fields.putAll(MessagingPagesTest.fields("Centre de loisirs", "Inscription", "Deux clics", "Bonjour, une seule fois."));

        CountDownLatch click = new CountDownLatch(1);
        List<CompletableFuture<Page>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    click.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return session.postMultipart("/messagerie/nouveau", fields, List.of());
            }));
        }
        click.countDown();

        for (CompletableFuture<Page> answer : answers) {
            Page page = answer.get();
            assertThat(page.isRedirectTo("/messagerie/envoyes")).as(page.status() + " " + page.body()).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from message where family_file_id = ? and subject = 'Deux clics'",
                Integer.class, family.fileId())).isEqualTo(1);

        Page again = session.postMultipart("/messagerie/nouveau", fields, List.of()); // the browser's « renvoyer le formulaire »
        assertThat(again.isRedirectTo("/messagerie/envoyes")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from message where family_file_id = ? and subject = 'Deux clics'",
                Integer.class, family.fileId())).isEqualTo(1);
    }
}
