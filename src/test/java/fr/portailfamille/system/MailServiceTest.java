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
