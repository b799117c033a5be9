package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Forged and replayed tokens: activation and password-reset links with generated tokens (never an
 * effect, a French page saying the link is not valid), a reset link used twice (the second use
 * changes nothing), and the card gateway's notification with forged signatures and generated
 * fields (refused with a 4xx, the payment untouched). The replays of activation links are
 * {@code account.SignUpWebTest}'s, a replayed valid notification {@code payment.PaymentNotificationTest}'s.
 */
class ForgedTokensTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    private final HostileValues values = HostileValues.create();
    private final Random random = new Random(HostileValues.SEED);
    private SecurityFamilies.Family family;
    private SecurityFamilies.Objects objects;

    @BeforeEach
    void aFamilyWithAPendingPayment() {
        family = SecurityFamilies.withAccount(jdbc, encoder, "JETON");
        objects = SecurityFamilies.everything(jdbc, family);
    }

    private List<String> forgedTokens() {
        List<String> tokens = new ArrayList<>(List.of("", "0", "null", "../../etc/passwd", HostileValues.SCRIPT, "A".repeat(2_000),
                "' or '1'='1", HexFormat.of().formatHex(new byte[32])));
        for (int i = 0; i < 6; i++) {
            byte[] bytes = new byte[16 + random.nextInt(32)];
            random.nextBytes(bytes);
            tokens.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            tokens.add(values.any());
        }
        return tokens;
    }

    @Test
    void forgedActivationAndResetTokensHaveNoEffect() {
        String hashBefore = passwordHash();
        int pendingBefore = jdbc.queryForObject("select count(*) from portal_account where status <> 'ACTIVE'", Integer.class);
        List<String> problems = new ArrayList<>();
        WebSession visitor = session();
        for (String token : forgedTokens()) {
            String query = "?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            Page activation = visitor.get("/inscription/activer" + query);
            if (activation.status() != 200 || !activation.doc().select("h1").text().equals("Lien d'activation non valable")) {
                problems.add("activation " + HostileValues.shown(token) + " → " + activation.status() + " " + activation.doc().select("h1").text());
            }
            Page reset = visitor.get("/mot-de-passe/nouveau" + query);
            if (reset.status() != 200 || !reset.text().contains("Ce lien n'est pas valable")) {
                problems.add("reset link " + HostileValues.shown(token) + " → " + reset.status());
            }
            Page forcedReset = visitor.postForm("/mot-de-passe/nouveau", Map.of("_csrf", csrf(visitor, "/mot-de-passe-oublie"),
                    "jeton", token, "password", "un mot de passe force 2026", "passwordConfirmation", "un mot de passe force 2026"));
            if (HostileValues.problemWith(forcedReset) != null || forcedReset.status() / 100 == 3
                    && forcedReset.location().contains("motDePasseChange")) {
                problems.add("new password with " + HostileValues.shown(token) + " → " + forcedReset.status() + " "
                        + HostileValues.problemWith(forcedReset));
            }
        }
        assertThat(problems).as("forged tokens").isEmpty();
        assertThat(passwordHash()).as("no password changed").isEqualTo(hashBefore);
        assertThat(jdbc.queryForObject("select count(*) from portal_account where status <> 'ACTIVE'", Integer.class))
                .as("no account activated").isEqualTo(pendingBefore);
    }

    @Test
    void aResetLinkPostedAgainAfterUseChangesNothing() {
        String email = family.username() + "@example.org";
        WebSession visitor = session();
        visitor.submit(visitor.get("/mot-de-passe-oublie"), "form[action$=/mot-de-passe-oublie]", Map.of("email", email));
        String link = mailbox().await(email, "nouveau mot de passe").linkContaining("/mot-de-passe/nouveau?jeton=");
        Page form = visitor.get(link);
        String first = "premier nouveau mot de passe";
        Page done = visitor.submit(form, "form[action$=/mot-de-passe/nouveau]", Map.of("password", first, "passwordConfirmation", first));
        assertThat(done.isRedirectTo("/connexion?motDePasseChange")).isTrue();
        String hashAfterFirstUse = passwordHash();

        // the same form posted again (a replay from another browser, or the back button)
        WebSession attacker = session();
        attacker.get("/mot-de-passe-oublie");
        String second = "second mot de passe rejoue";
        Page replayed = attacker.submit(form, "form[action$=/mot-de-passe/nouveau]",
                Map.of("_csrf", attacker.csrfToken(), "password", second, "passwordConfirmation", second));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.text()).containsAnyOf("Ce lien a déjà servi", "Ce lien n'est pas valable");
        assertThat(passwordHash()).as("the replay changed nothing").isEqualTo(hashAfterFirstUse);
        assertThat(session().login(family.username(), second).url()).endsWith("/connexion?erreur");
        assertThat(session().login(family.username(), first).status()).isEqualTo(200);
    }

    @Test
    void forgedAndGeneratedGatewayNotificationsAreRefusedAndChangeNothing() {
        Map<String, Object> payment = jdbc.queryForMap("select * from payment where id = ?", objects.paymentId());
        Map<String, String> genuine = new LinkedHashMap<>();
        genuine.put("vads_action_mode", "INTERACTIVE");
        genuine.put("vads_amount", payment.get("amount_cents").toString());
        genuine.put("vads_auth_result", "00");
        genuine.put("vads_ctx_mode", "TEST");
        genuine.put("vads_currency", "978");
        genuine.put("vads_order_id", objects.orderId());
        genuine.put("vads_page_action", "PAYMENT");
        genuine.put("vads_payment_config", "SINGLE");
        genuine.put("vads_result", "00");
        genuine.put("vads_site_id", "12345678");
        genuine.put("vads_trans_date", payment.get("trans_date").toString());
        genuine.put("vads_trans_id", payment.get("trans_id").toString());
        genuine.put("vads_trans_status", "AUTHORISED");
        genuine.put("vads_trans_uuid", "uuid-forge");
        genuine.put("vads_version", "V2");
        WebSession gateway = session();
        List<String> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>(genuine.keySet());
        fields.add("signature");
        for (int i = 0; i < 40; i++) {
            Map<String, String> forged = new LinkedHashMap<>(genuine);
            byte[] signature = new byte[32];
            random.nextBytes(signature);
            forged.put("signature", i % 2 == 0 ? java.util.Base64.getEncoder().encodeToString(signature) : HexFormat.of().formatHex(signature));
            if (i >= 4) {
                // then one field at a time receives a hostile or generated value
                String field = fields.get(i % fields.size());
                forged.put(field, i % 3 == 0 ? values.any() : values.forField(0).get(i % HostileValues.ALWAYS.size()));
            }
            Page answer = gateway.postForm("/paiement/systempay/ipn", forged);
            if (answer.status() < 400 || answer.status() >= 500 || HostileValues.problemWith(answer) != null) {
                problems.add("notification #" + i + " → " + answer.status() + " " + HostileValues.shown(answer.body()));
            }
        }
        assertThat(problems).as("forged notifications").isEmpty();
        assertThat(jdbc.queryForObject("select status from payment where id = ?", String.class, objects.paymentId())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, objects.invoiceId())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from payment_notification where payment_id = ?", Integer.class, objects.paymentId()))
                .as("nothing recorded for the payment").isZero();
    }

    @Test
    void theTestOnlyGatewaySimulatorSurvivesHostileForms() {
        WebSession browser = session();
        List<String> problems = new ArrayList<>();
        for (String value : values.forField(3)) {
            Page payment = browser.postForm("/simulateur-systempay/paiement",
                    Map.of("vads_amount", value, "vads_order_id", value, "vads_site_id", "12345678", "signature", value));
            Page choice = browser.postForm("/simulateur-systempay/choix", Map.of("token", value, "choice", value));
            for (Page answer : List.of(payment, choice)) {
                String problem = HostileValues.problemWith(answer);
                if (problem != null) {
                    problems.add(answer.url() + " with " + HostileValues.shown(value) + " → " + problem);
                }
            }
        }
        assertThat(problems).as("the simulator's answers").isEmpty();
    }

    private String passwordHash() {
        return jdbc.queryForObject("select password_hash from portal_account where username = ?", String.class, family.username());
    }

    private static String csrf(WebSession session, String page) {
        session.get(page);
        return session.csrfToken();
    }
}
