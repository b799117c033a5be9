package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password guessing cannot lock anybody out: families and staff are throttled per address and per
 * account with counts taken before the password is checked (a burst gets exactly the allowance),
 * an account's own addresses keep signing in during an attack, nothing is locked for good, and an
 * account waiting for activation answers a wrong password like any other. Each client calls from
 * its own loopback address (127.0.0.x), as families and attackers on different networks would.
 */
class LoginLockoutTest extends PortalIntegrationTest {

    /** {@code portal.login-throttle.max-failures-per-account} of the tests. */
    private static final int PER_ACCOUNT = 5;

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired IdentityService identity;

    private FromAddress from(int lastByte) {
        return new FromAddress("127.0.0." + lastByte, PORT);
    }

    private static String outcome(FromAddress.Answer answer) {
        String location = answer.location() == null ? "" : answer.location();
        for (String kind : List.of("bloque", "erreur", "inactif", "occupe")) {
            if (location.contains("?" + kind)) {
                return kind;
            }
        }
        return answer.status() == 302 ? "connecte" : "statut " + answer.status();
    }

    @Test
    void aBurstOfWrongPasswordsGetsTheAllowanceOnceAndTheFamilyStillSignsInFromHome() throws Exception {
        SecurityFamilies.Family family = SecurityFamilies.withAccount(jdbc, encoder, "ASSIEGEE");
        assertThat(outcome(from(11).login("/connexion", family.username(), family.password())))
                .as("the family signs in from home once").isEqualTo("connecte");

        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Callable<String> guess = () -> outcome(from(12).login("/connexion", family.username(), "devine-" + UUID.randomUUID()));
                answers.add(pool.submit(guess));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get());
            }
            assertThat(outcomes.stream().filter("erreur"::equals).count())
                    .as("passwords actually checked among 40 parallel guesses: " + outcomes).isEqualTo(PER_ACCOUNT);
            assertThat(outcomes).containsOnly("erreur", "bloque");
        } finally {
            pool.shutdownNow();
        }

        // the attacker's next guess, even the right password, is refused from its address; the family at home signs in
        assertThat(outcome(from(12).login("/connexion", family.username(), family.password()))).isEqualTo("bloque");
        assertThat(outcome(from(11).login("/connexion", family.username(), family.password())))
                .as("the family from an address it signed in from").isEqualTo("connecte");
        // from a new address, the account waits for the end of the window (a pause, not a lock)
        assertThat(outcome(from(13).login("/connexion", family.username(), family.password()))).isEqualTo("bloque");
        assertThat(jdbc.queryForObject("select status from portal_account where username = ?", String.class, family.username()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void anAccountWaitingForActivationAnswersAWrongPasswordLikeAnyOther() {
        SecurityFamilies.Family pending = SecurityFamilies.withAccount(jdbc, encoder, "ENATTENTE");
        SecurityFamilies.Family other = SecurityFamilies.withAccount(jdbc, encoder, "AUTRE");
        jdbc.update("update portal_account set status = 'PENDING', activated_at = null where username in (?, ?)",
                pending.username(), other.username());

        FromAddress prober = from(21);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < PER_ACCOUNT + 1; i++) {
            outcomes.add(outcome(prober.login("/connexion", pending.username(), "devine-" + i)));
        }
        List<String> expected = new ArrayList<>(java.util.Collections.nCopies(PER_ACCOUNT, "erreur"));
        expected.add("bloque");
        assertThat(outcomes).as("a wrong password on an account not yet activated: the same answer and the same count")
                .isEqualTo(expected);
        // the right password still gets the helpful message
        assertThat(outcome(from(22).login("/connexion", other.username(), other.password()))).isEqualTo("inactif");
    }

    @Test
    void anonymousGuessesNeverLockAStaffAccountForGoodAndTheAdministratorsAreTold() {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(agent);
        user.setPassword("Secret-" + agent);
        user.setFirstName("Agent");
        user.setLastName("Essai");
        identity.saveUser(user);
        identity.createMembership(agent, "restauration");
        FromAddress office = from(31);
        assertThat(office.get("/engine-rest/task/count", basic(agent, "Secret-" + agent)).status())
                .as("the agent works from the office").isEqualTo(200);

        FromAddress attacker = from(32);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(attacker.get("/engine-rest/task/count", basic(agent, "devine-" + i)).status());
        }
        assertThat(statuses.subList(0, PER_ACCOUNT)).containsOnly(401);
        assertThat(statuses.subList(PER_ACCOUNT, statuses.size())).as("then throttled, before Camunda counts").containsOnly(429);
        FromAddress.Answer form = attacker.login("/agent/connexion", agent, "devine-encore");
        assertThat(form.location()).contains("/agent/connexion?bloque");

        // the agent keeps working from the office: no engine lock, neither a delay nor for good
        assertThat(office.get("/engine-rest/task/count", basic(agent, "Secret-" + agent)).status()).isEqualTo(200);
        assertThat(identity.checkPassword(agent, "Secret-" + agent)).isTrue();
        assertThat(jdbc.queryForObject("select lock_exp_time_ from act_id_user where id_ = ?", java.sql.Timestamp.class, agent))
                .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t.toInstant()).isBeforeOrEqualTo(java.time.Instant.now()));

        // the administrators got one mail about it
        String admin = identity.createUserQuery().memberOfGroup("camunda-admin").list().get(0).getEmail();
        assertThat(mailbox().await(admin, "« " + agent + " » suspendu").text()).contains("127.0.0.32");
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
