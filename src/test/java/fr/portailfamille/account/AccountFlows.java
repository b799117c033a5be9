package fr.portailfamille.account;

import fr.portailfamille.support.PortalIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Helpers of the account tests: family files of their own (never the demo ones, DURAND belongs to
 * the browser test), sign-ups registered the way « valider mon inscription » does, the mails' links.
 */
abstract class AccountFlows extends PortalIntegrationTest {

    static final String PASSWORD = "une phrase de passe assez longue";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignUpService signUp;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PortalAccountRepository accounts;

    /** A unique lower-case word for user names, e-mails and file names. */
    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(100);
    }

    /** A family file of the test's own, with one guardian per e-mail and one child; returns its number. */
    String newFamilyFile(String name, String... guardianEmails) {
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(20_000_000L, 99_999_999L));
        Long fileId = jdbc.queryForObject("insert into family_file (number, name, city) values (?, ?, 'Belcourt') returning id",
                Long.class, number, name);
        int position = 1;
        for (String email : guardianEmails) {
            jdbc.update("insert into guardian (family_file_id, position, civility, last_name, first_name, email) values (?, ?, 'Mme', ?, 'Camille', ?)",
                    fileId, position++, name, email);
        }
        jdbc.update("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, 'Alex', ?)",
                fileId, name, LocalDate.of(2017, 5, 4));
        return number;
    }

    Long accountOfFile(String number) {
        return jdbc.queryForObject("select account_id from family_file where number = ?", Long.class, number);
    }

    /** A sign-up validated at step 4 (claiming the file when a number is given); returns the account id. */
    long registerPending(String username, String email, String fileNumber, String fileName) {
        SignUpDraft draft = new SignUpDraft();
        draft.civility = "Mme";
        draft.lastName = "TEST";
        draft.firstName = "Camille";
        draft.email = email;
        draft.phone = "0611223344";
        draft.username = username;
        draft.passwordHash = encoder.encode(PASSWORD);
        if (fileNumber == null) {
            signUp.continueWithoutFile(draft);
        } else if (signUp.claimFile(draft, fileNumber, fileName).isPresent()) {
            throw new AssertionError("claim of " + fileNumber + " refused");
        }
        draft.termsVersion = SignUpService.TERMS_VERSION;
        draft.termsAcceptedAt = Instant.now();
        return signUp.register(draft);
    }

    ProcessInstance processOf(long accountId) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(accountId)).processDefinitionKey(AccountActivationProcess.KEY)
                .singleResult();
    }

    String activationLink(String email) {
        return mailbox().await(email, "Activez votre compte").linkContaining("/inscription/activer?jeton=");
    }

    /** Signs up with « continuer sans », sends the mail, follows its link: the process waits for the Guichet Unique. */
    ProcessInstance activatedWithoutFile(String username, String email) {
        long accountId = registerPending(username, email, null, null);
        ProcessInstance process = processOf(accountId);
        jobs().executeDue(process.getId());
        if (!session().get(activationLink(email)).isRedirectTo("/connexion?active")) {
            throw new AssertionError("activation link of " + email + " refused");
        }
        jobs().executeDue(process.getId());
        return process;
    }
}
