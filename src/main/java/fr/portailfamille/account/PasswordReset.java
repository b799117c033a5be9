package fr.portailfamille.account;

import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.mail.MailService;
import fr.portailfamille.system.security.PersistentLogins;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « mot de passe oublié ? » (guide, II-1): a single-use link valid one hour, a new password, the other sessions and every « rester connecté » browser ended. */
@Service
class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final PortalAccountRepository accounts;
    private final LinkTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailService mail;
    private final PortalProperties properties;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentLogins persistentLogins;
    private final Clock clock;

    PasswordReset(PortalAccountRepository accounts, LinkTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
            MailService mail, PortalProperties properties, FindByIndexNameSessionRepository<? extends Session> sessions,
            PersistentLogins persistentLogins, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.properties = properties;
        this.sessions = sessions;
        this.persistentLogins = persistentLogins;
        this.clock = clock;
    }

    /** Mails a link when the address is an active account's; says nothing either way. */
    @Transactional
    void requestLink(String email) {
        accounts.findByEmailIgnoreCase(email == null ? "" : email.trim())
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                .ifPresent(account -> {
                    String token = tokens.issue(account.getId(), AccountToken.Purpose.PASSWORD_RESET, clock.instant().plus(VALIDITY));
                    mail.sendAfterCommit(account.getEmail(), "Choisissez un nouveau mot de passe", "password-reset", Map.of(
                            "name", account.displayName(), "username", account.getUsername(),
                            "link", properties.link("/mot-de-passe/nouveau?jeton=" + token)));
                });
    }

    @Transactional(readOnly = true)
    LinkTokens.State check(String token) {
        return tokens.check(token, AccountToken.Purpose.PASSWORD_RESET).state();
    }

    /**
     * Sets the new password if the link is still valid and the password acceptable; the French
     * error of each refused field otherwise ({@code token} when the link itself is no longer valid).
     */
    @Transactional
    Map<String, String> reset(String token, String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        LinkTokens.Checked checked = tokens.check(token, AccountToken.Purpose.PASSWORD_RESET);
        if (checked.state() != LinkTokens.State.VALID) {
            errors.put("token", checked.state().name());
            return errors;
        }
        PortalAccount account = accounts.findById(checked.token().getAccountId()).orElseThrow();
        policy.refusal(password, account.getUsername()).ifPresent(m -> errors.put("password", m));
        if (errors.isEmpty() && !password.equals(confirmation)) {
            errors.put("passwordConfirmation", "La confirmation ne correspond pas au mot de passe.");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        checked.token().use(clock.instant());
        account.changePassword(encoder.encode(password));
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
        persistentLogins.forgetAll(account.getUsername());
        return errors;
    }
}
