package fr.portailfamille.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The four sign-up steps over real HTTP: each refusal in French on its field, nothing typed lost, no 500. */
class SignUpWebTest extends AccountFlows {

    @Test
    void theFourStepsCarryTheGuidesLabels() {
        WebSession visitor = session();
        String email = unique("labels") + "@example.org";
        Page step1 = visitor.get("/inscription");
        assertThat(step1.status()).isEqualTo(200);
        assertThat(step1.doc().select("h2").text()).isEqualTo("Première étape");
        assertThat(step1.doc().select("form[action$=/inscription] button").text()).isEqualTo("Enregistrer");

        Page step2 = visitor.follow(visitor.submit(step1, "form[action$=/inscription]", identity(unique("labels"), email)));
        assertThat(step2.doc().select("h2").text()).isEqualTo("Deuxième étape");
        assertThat(step2.doc().select("label").eachText())
                .contains("numéro de dossier", "nom de dossier", "Je n'ai pas ces informations, continuer sans");

        Page step3 = visitor.follow(visitor.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "oui")));
        assertThat(step3.doc().select("h2").text()).isEqualTo("Troisième étape");
        assertThat(step3.text()).contains("Conditions générales d'utilisation").contains("Version " + SignUpService.TERMS_VERSION);
        Page refused = visitor.submit(step3, "form[action$=/inscription/conditions]", Map.of());
        assertThat(refused.doc().select(".field-error").text()).contains("cochez « j'ai lu et j'accepte");
        Page step4 = visitor.follow(visitor.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")));

        assertThat(step4.doc().select("h2").text()).isEqualTo("Quatrième étape");
        assertThat(step4.doc().select("button").eachText()).contains("valider mon inscription", "annuler");
        assertThat(step4.text()).contains(email).contains("Aucun pour l'instant");

        Page back = visitor.get("/inscription");
        assertThat(back.doc().select("#email").attr("value")).as("the back button shows what was typed").isEqualTo(email);

        Page cancelled = visitor.follow(visitor.submit(step4, "form[action$=/inscription/annuler]", Map.of()));
        assertThat(cancelled.text()).contains("Votre inscription est annulée");
        assertThat(accounts.findByEmailIgnoreCase(email)).isEmpty();
        assertThat(visitor.get("/inscription/recapitulatif").isRedirectTo("/inscription")).as("nothing kept after annuler").isTrue();
    }

    @Test
    void validatingTwiceCreatesOneAccountAndOneProcess() {
        WebSession visitor = session();
        String email = unique("twice") + "@example.org";
        Page step4 = throughStep3(visitor, unique("twice"), email);

        Page sent = visitor.follow(visitor.submit(step4, "form[action$=/inscription/valider]", Map.of()));
        assertThat(sent.text()).contains("Vérifiez votre messagerie").contains("24 heures");
        Page again = visitor.submit(step4, "form[action$=/inscription/valider]", Map.of());
        assertThat(again.isRedirectTo("/inscription/envoyee")).as("a resubmission shows the first one's answer").isTrue();
        Page reload = visitor.open("/inscription/recapitulatif");
        assertThat(reload.doc().select("h2").text()).isEqualTo("Première étape");

        PortalAccount account = accounts.findByEmailIgnoreCase(email).orElseThrow();
        assertThat(account.getStatus()).isEqualTo(AccountStatus.PENDING);
        assertThat(account.getTermsVersion()).isEqualTo(SignUpService.TERMS_VERSION);
        assertThat(account.getTermsAcceptedAt()).isNotNull();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(account.getId())).count()).isEqualTo(1);
    }

    @Test
    void weakPasswordsAreRefusedAndTheRestIsKept() {
        WebSession visitor = session();
        String username = unique("weak");
        Page form = visitor.get("/inscription");

        Page tooShort = visitor.submit(form, "form[action$=/inscription]", identity(username, username + "@example.org", "court123"));
        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(fieldError(tooShort, "password")).isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");
        assertThat(tooShort.doc().select("#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(tooShort.doc().select("#username").attr("value")).isEqualTo(username);
        assertThat(tooShort.doc().select("#lastName").attr("value")).isEqualTo("Martin");
        assertThat(tooShort.doc().select("#password").attr("value")).as("a password is never sent back").isEmpty();

        Page withName = visitor.submit(tooShort, "form[action$=/inscription]", identity(username, username + "@example.org", "xx" + username + "xxxxxxxx"));
        assertThat(fieldError(withName, "password")).isEqualTo("Le mot de passe ne doit pas contenir votre nom d'utilisateur.");

        Page common = visitor.submit(withName, "form[action$=/inscription]", identity(username, username + "@example.org", "Azertyuiop123"));
        assertThat(fieldError(common, "password")).startsWith("Ce mot de passe est trop courant");

        Map<String, String> mismatch = identity(username, username + "@example.org");
        mismatch.put("passwordConfirmation", "autre chose encore ici");
        assertThat(fieldError(visitor.submit(common, "form[action$=/inscription]", mismatch), "passwordConfirmation"))
                .isEqualTo("La confirmation ne correspond pas au mot de passe.");
    }

    @Test
    void takenUserNameAndEmailAndBadSyntaxAreRefused() {
        WebSession visitor = session();
        Map<String, String> fields = identity("DUPONT", "famille.dupont@example.org");
        fields.put("phone", "12");
        Page page = visitor.submit(visitor.get("/inscription"), "form[action$=/inscription]", fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(fieldError(page, "username")).isEqualTo("Ce nom d'utilisateur est déjà pris : choisissez-en un autre.");
        assertThat(fieldError(page, "email")).startsWith("Cette adresse e-mail est déjà celle d'un compte du portail");
        assertThat(fieldError(page, "phone")).startsWith("Saisissez un numéro de téléphone français");

        fields = identity(unique("syntax"), "pas-une-adresse");
        Page bad = visitor.submit(page, "form[action$=/inscription]", fields);
        assertThat(fieldError(bad, "email")).startsWith("Saisissez une adresse e-mail valide");
    }

    @Test
    void wrongNameWrongEmailOrClaimedFileGetOneNeutralMessageAndAttemptsAreBounded() {
        String name = unique("NEUTRE").toUpperCase();
        String email = unique("neutre") + "@example.org";
        String otherEmail = unique("neutre2") + "@example.org";
        String number = newFamilyFile(name, email, otherEmail);

        WebSession wrongEmail = session();
        Page step2 = toStep2(wrongEmail, unique("wrongmail"), unique("inconnu") + "@example.org");
        Page refused = wrongEmail.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", number, "name", name));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.doc().select("#dossier-erreur").text()).isEqualTo(SignUpService.CLAIM_REFUSED);
        assertThat(refused.doc().select("#number").attr("value")).isEqualTo(number);

        WebSession wrongName = session();
        step2 = toStep2(wrongName, unique("wrongname"), email);
        refused = wrongName.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", number, "name", "DUPONT"));
        assertThat(refused.doc().select("#dossier-erreur").text()).isEqualTo(SignUpService.CLAIM_REFUSED);
        refused = wrongName.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", "00000001", "name", name));
        assertThat(refused.doc().select("#dossier-erreur").text()).as("an unknown file reads the same").isEqualTo(SignUpService.CLAIM_REFUSED);

        WebSession lowerCaseWithAccents = session();
        step2 = toStep2(lowerCaseWithAccents, unique("accents"), email);
        Page step3 = lowerCaseWithAccents.follow(lowerCaseWithAccents.submit(step2, "form[action$=/inscription/dossier]",
                Map.of("number", number, "name", " " + name.toLowerCase().replaceFirst("e", "é") + " ")));
        assertThat(step3.doc().select("h2").text()).as("any case and accents are accepted").isEqualTo("Troisième étape");
        Page step4 = lowerCaseWithAccents.follow(lowerCaseWithAccents.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")));
        assertThat(step4.text()).contains("n° " + number + " – " + name);
        lowerCaseWithAccents.follow(lowerCaseWithAccents.submit(step4, "form[action$=/inscription/valider]", Map.of()));
        assertThat(accountOfFile(number)).isNotNull();

        WebSession claimed = session();
        step2 = toStep2(claimed, unique("claimed"), otherEmail);
        refused = claimed.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", number, "name", name));
        assertThat(refused.doc().select("#dossier-erreur").text()).as("a file is never claimed twice").isEqualTo(SignUpService.CLAIM_REFUSED);

        for (int attempt = 2; attempt <= SignUpDraft.MAX_CLAIM_ATTEMPTS; attempt++) {
            refused = claimed.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", number, "name", name));
        }
        assertThat(refused.doc().select("#dossier-erreur").text()).isEqualTo(SignUpService.CLAIM_BLOCKED);
        Page stillBlocked = claimed.submit(step2, "form[action$=/inscription/dossier]", Map.of("number", number, "name", name));
        assertThat(stillBlocked.doc().select("#dossier-erreur").text()).isEqualTo(SignUpService.CLAIM_BLOCKED);
        Page without = claimed.follow(claimed.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "true")));
        assertThat(without.doc().select("h2").text()).isEqualTo("Troisième étape");
    }

    @Test
    void pendingAccountGetsANewLinkThatReplacesTheOldOneAndLinksAreSingleUse() {
        WebSession visitor = session();
        String username = unique("resend");
        String email = unique("resend") + "@example.org";
        visitor.follow(visitor.submit(throughStep3(visitor, username, email), "form[action$=/inscription/valider]", Map.of()));
        long accountId = accounts.findByEmailIgnoreCase(email).orElseThrow().getId();
        ProcessInstance process = processOf(accountId);
        jobs().executeDue(process.getId());
        String firstLink = activationLink(email);

        Page login = session().login(username, PASSWORD);
        assertThat(login.url()).endsWith("/connexion?inactif");
        assertThat(login.text()).contains("Votre compte n'est pas encore activé");
        WebSession other = session();
        Page resendForm = other.get(login.doc().selectFirst("a[href=/inscription/renvoyer-lien]").attr("href"));
        Page answer = other.submit(resendForm, "form[action$=/inscription/renvoyer-lien]", Map.of("email", email));
        assertThat(answer.text()).contains("un nouveau lien vient de lui être envoyé");
        String secondLink = awaitOtherActivationLink(email, firstLink);

        Page replaced = session().get(firstLink);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.doc().select("h1").text()).isEqualTo("Lien remplacé");
        assertThat(accounts.findById(accountId).orElseThrow().getStatus()).isEqualTo(AccountStatus.PENDING);

        assertThat(session().get(secondLink).isRedirectTo("/connexion?active")).isTrue();
        Page replayed = session().get(secondLink);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.doc().select("h1").text()).isEqualTo("Lien déjà utilisé");

        Page forged = session().get("/inscription/activer?jeton=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.doc().select("h1").text()).isEqualTo("Lien d'activation non valable");
        assertThat(session().get("/inscription/activer").doc().select("h1").text()).isEqualTo("Lien d'activation non valable");

        Page unknown = other.submit(resendForm, "form[action$=/inscription/renvoyer-lien]", Map.of("email", unique("personne") + "@example.org"));
        assertThat(unknown.text()).as("same answer for an unknown address").contains("un nouveau lien vient de lui être envoyé");
    }

    private String awaitOtherActivationLink(String email, String previous) {
        for (int i = 0; i < 150; i++) {
            var links = mailbox().to(email).stream().filter(m -> m.subject().contains("Activez"))
                    .map(m -> m.linkContaining("/inscription/activer?jeton=")).filter(l -> !l.equals(previous)).toList();
            if (!links.isEmpty()) {
                return links.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no second activation mail to " + email);
    }

    static Map<String, String> identity(String username, String email) {
        return identity(username, email, PASSWORD);
    }

    static Map<String, String> identity(String username, String email, String password) {
        Map<String, String> fields = new HashMap<>();
        fields.put("civility", "Mme");
        fields.put("lastName", "Martin");
        fields.put("firstName", "Inès");
        fields.put("email", email);
        fields.put("phone", "06 12 34 56 78");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("passwordConfirmation", password);
        return fields;
    }

    @Test
    void lineBreaksTypedInANameNeverReachTheMailsGreeting() {
        WebSession visitor = session();
        String email = unique("crlf") + "@example.org";
        Map<String, String> fields = identity(unique("crlf"), email);
        fields.put("firstName", "Inès\r\nMarie");
        fields.put("lastName", "Martin\nDurand");
        Page step2 = visitor.follow(visitor.submit(visitor.get("/inscription"), "form[action$=/inscription]", fields));
        Page step3 = visitor.follow(visitor.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "true")));
        Page step4 = visitor.follow(visitor.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")));
        visitor.follow(visitor.submit(step4, "form[action$=/inscription/valider]", Map.of()));

        PortalAccount account = accounts.findByEmailIgnoreCase(email).orElseThrow();
        assertThat(account.getFirstName()).isEqualTo("Inès Marie");
        assertThat(account.getLastName()).containsIgnoringCase("Martin Durand").doesNotContain("\n", "\r");
        jobs().executeDue(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(account.getId())).processDefinitionKey(AccountActivationProcess.KEY)
                .singleResult().getId()); // the activation mail is an asynchronous step
        var mail = mailbox().await(email, "Activez votre compte");
        String greeting = mail.text().lines().filter(l -> l.startsWith("Bonjour")).findFirst().orElseThrow();
        assertThat(greeting).contains("Inès Marie").containsIgnoringCase("Martin Durand").endsWith(",");
    }

    @Test
    void signUpsForOneAddressAreRateLimited() {
        String email = unique("limite") + "@example.org";
        // four visitors (or one robot) reach the last step with the same e-mail address...
        java.util.List<WebSession> visitors = new java.util.ArrayList<>();
        java.util.List<Page> steps4 = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebSession visitor = session();
            visitors.add(visitor);
            steps4.add(throughStep3(visitor, unique("limite"), email));
        }
        // ...each « valider » may mail a link: the first three are answered (sent, or the address is taken), the fourth refused
        for (int i = 0; i < 3; i++) {
            assertThat(visitors.get(i).submit(steps4.get(i), "form[action$=/inscription/valider]", Map.of()).text())
                    .doesNotContain(PasswordResetController.TOO_MANY);
        }
        Page limited = visitors.get(3).submit(steps4.get(3), "form[action$=/inscription/valider]", Map.of());
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.doc().select(".alert-error").text()).isEqualTo(PasswordResetController.TOO_MANY);
        assertThat(limited.text()).as("what was typed is kept").contains(email);
        assertThat(accounts.findByEmailIgnoreCase(email)).isPresent();
    }

    private Page toStep2(WebSession visitor, String username, String email) {
        Page step2 = visitor.follow(visitor.submit(visitor.get("/inscription"), "form[action$=/inscription]", identity(username, email)));
        assertThat(step2.doc().select("h2").text()).isEqualTo("Deuxième étape");
        return step2;
    }

    private Page throughStep3(WebSession visitor, String username, String email) {
        Page step2 = toStep2(visitor, username, email);
        Page step3 = visitor.follow(visitor.submit(step2, "form[action$=/inscription/dossier]", Map.of("without", "true")));
        return visitor.follow(visitor.submit(step3, "form[action$=/inscription/conditions]", Map.of("accept", "true")));
    }

    private static String fieldError(Page page, String field) {
        return page.doc().select("#" + field + "-erreur").text();
    }
}
