package fr.portailfamille.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** « mot de passe oublié ? » over real HTTP: no enumeration, a single-use link from the mail, other sessions ended, rate limit. */
class PasswordResetWebTest extends AccountFlows {

    private static final String SAME_ANSWER = "Si cette adresse correspond à un compte du portail, vous allez recevoir un courriel";

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        String email = unique("inconnu") + "@example.org";
        WebSession visitor = session();
        Page form = visitor.get("/mot-de-passe-oublie");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.doc().select("button[type=submit]").text()).isEqualTo("Envoyer");

        Page answer = visitor.submit(form, "form[action$=/mot-de-passe-oublie]", Map.of("email", email));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains(SAME_ANSWER);
        assertThat(mailbox().to(email)).isEmpty();
    }

    @Test
    void familyResetsItsPasswordFromTheMailAndItsOtherSessionsEnd() {
        String username = unique("oubli");
        String email = unique("oubli") + "@example.org";
        activeAccount(username, email);
        WebSession elsewhere = session();
        assertThat(elsewhere.login(username, PASSWORD).status()).isEqualTo(200);
        assertThat(elsewhere.get("/").status()).as("logged in on another device").isEqualTo(200);

        WebSession visitor = session();
        Page answer = visitor.submit(visitor.get("/mot-de-passe-oublie"), "form[action$=/mot-de-passe-oublie]", Map.of("email", email));
        assertThat(answer.text()).contains(SAME_ANSWER);
        String link = mailbox().await(email, "nouveau mot de passe").linkContaining("/mot-de-passe/nouveau?jeton=");

        Page form = visitor.get(link);
        assertThat(form.status()).isEqualTo(200);
        Page weak = visitor.submit(form, "form[action$=/mot-de-passe/nouveau]", Map.of("password", "trop court", "passwordConfirmation", "trop court"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.doc().select("#password-erreur").text()).isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");

        String newPassword = "un tout nouveau mot de passe";
        Page done = visitor.submit(weak, "form[action$=/mot-de-passe/nouveau]", Map.of("password", newPassword, "passwordConfirmation", newPassword));
        assertThat(done.isRedirectTo("/connexion?motDePasseChange")).isTrue();
        assertThat(visitor.follow(done).text()).contains("Votre mot de passe est changé");

        assertThat(elsewhere.get("/").isRedirectTo("/connexion")).as("the other session is ended").isTrue();
        assertThat(session().login(username, PASSWORD).url()).endsWith("/connexion?erreur");
        assertThat(session().login(username, newPassword).text()).contains("Camille TEST");

        Page replayed = session().get(link);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.text()).contains("Ce lien a déjà servi");
        Page forged = session().get("/mot-de-passe/nouveau?jeton=faux");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.text()).contains("Ce lien n'est pas valable");
    }

    @Test
    void linkRequestsAreRateLimitedPerEmail() {
        String email = unique("limite") + "@example.org";
        WebSession visitor = session();
        Page form = visitor.get("/mot-de-passe-oublie");
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.submit(form, "form[action$=/mot-de-passe-oublie]", Map.of("email", email)).text()).contains(SAME_ANSWER);
        }

        Page limited = visitor.submit(form, "form[action$=/mot-de-passe-oublie]", Map.of("email", email));

        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.doc().select("#email-erreur").text()).isEqualTo(PasswordResetController.TOO_MANY);
        assertThat(limited.doc().select("#email").attr("value")).isEqualTo(email);
    }

    private void activeAccount(String username, String email) {
        PortalAccount account = new PortalAccount(username, email, encoder.encode(PASSWORD), "Mme", "TEST", "Camille", "0611223344");
        account.activate(Instant.now());
        accounts.save(account);
    }
}
