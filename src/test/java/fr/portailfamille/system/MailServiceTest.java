package fr.portailfamille.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.system.mail.MailService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Mails go through a real SMTP server; a page's mail leaves only when what it saved is committed. */
class MailServiceTest extends PortalIntegrationTest {

    @Autowired
    MailService mails;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMailIsFrenchHtmlWithATextPartWhoseLinksCanBeFollowed() {
        mails.send("parent.test@example.org", "Essai de courriel", "test-mail", Map.of("link", BASE_URL + "/connexion"));

        var mail = mailbox().await("parent.test@example.org", "Essai de courriel");
        assertThat(mail.html()).contains("lang=\"fr\"").contains("Bonjour");
        assertThat(mail.text()).contains("Bonjour").contains("Ville de Belcourt");
        assertThat(session().get(mail.linkContaining("/connexion")).status()).isEqualTo(200);
    }

    @Test
    void theTextPartWritesALinkOnceWhenItsTextIsTheAddressItself() {
        mails.send("parent.lien@example.org", "Essai des liens", "test-mail", Map.of("link", BASE_URL + "/connexion"));

        var text = mailbox().await("parent.lien@example.org", "Essai des liens").text().replace("\r\n", "\n");
        // the footer's link shows the portal's address as its text: written once, not « http://…/ : http://…/ »
        String portal = BASE_URL + "/";
        assertThat(text).doesNotContain(portal + " : " + portal).contains("Le Guichet Unique\n" + portal + "\n");
        assertThat(text.split(java.util.regex.Pattern.quote(portal), -1)).hasSize(3); // the footer and « Se connecter »
        // a link whose text says what it does keeps both
        assertThat(text).contains("\nCeci est un essai. Se connecter : " + BASE_URL + "/connexion\n"); // no indentation kept
    }

    @Test
    void aMailRequestedInARolledBackTransactionIsNeverSent() throws InterruptedException {
        transaction.executeWithoutResult(status -> {
            mails.sendAfterCommit("annule@example.org", "Ne doit pas partir", "test-mail", Map.of("link", BASE_URL));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                mails.sendAfterCommit("valide@example.org", "Doit partir", "test-mail", Map.of("link", BASE_URL)));

        mailbox().await("valide@example.org", "Doit partir");
        Thread.sleep(300); // the rolled-back one would have left on the same executor, before
        assertThat(mailbox().to("annule@example.org")).isEmpty();
    }
}
