package fr.portailfamille.account;

import fr.portailfamille.system.FormRefusal;
import static fr.portailfamille.account.AccountActivationProcess.*;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.mail.MailService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process {@code accountActivation} does to accounts: the activation link, activation,
 * the purge of an account never activated, the Guichet Unique's link, the mails to the family.
 */
@Service
class AccountActivation {

    /** How an activation link came back. */
    enum Outcome { ACTIVATED, ALREADY_USED, REPLACED, EXPIRED, UNKNOWN }

    private final PortalAccountRepository accounts;
    private final LinkTokens tokens;
    private final FamilyFiles families;
    private final MailService mail;
    private final PortalProperties properties;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Duration validity;

    AccountActivation(PortalAccountRepository accounts, LinkTokens tokens, FamilyFiles families, MailService mail,
            PortalProperties properties, RuntimeService runtime, Clock clock,
            @Value("${portal.account.activation-validity:PT24H}") Duration validity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.families = families;
        this.mail = mail;
        this.properties = properties;
        this.runtime = runtime;
        this.clock = clock;
        this.validity = validity;
    }

    /** Starts the process of a new pending account (inside the sign-up's transaction). */
    void start(long accountId, boolean linked) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(accountId), Map.of(
                ACCOUNT_ID.name(), accountId, LINKED.name(), linked, TIMEOUT.name(), validity.toString()));
    }

    /** BPMN step: a new activation link, valid until 24 h after the sign-up, mailed now. */
    @Transactional
    void sendActivationLink(long accountId) {
        account(accountId).ifPresent(account -> {
            String token = tokens.issue(accountId, AccountToken.Purpose.ACTIVATION, deadline(account));
            mail.send(account.getEmail(), "Activez votre compte du Portail Famille", "activation", activationModel(account, token));
        });
    }

    /** « Recevoir un nouveau lien d'activation »: replaces the link of a pending account, same deadline. */
    @Transactional
    void resendActivationLink(String email) {
        accounts.findByEmailIgnoreCase(email == null ? "" : email.trim())
                .filter(a -> a.getStatus() == AccountStatus.PENDING)
                .filter(a -> clock.instant().isBefore(deadline(a)))
                .ifPresent(account -> {
                    String token = tokens.issue(account.getId(), AccountToken.Purpose.ACTIVATION, deadline(account));
                    mail.sendAfterCommit(account.getEmail(), "Activez votre compte du Portail Famille", "activation",
                            activationModel(account, token));
                });
    }

    /** The link of the mail was clicked: the account becomes active and the process goes on. */
    @Transactional
    Outcome activate(String rawToken) {
        LinkTokens.Checked checked = tokens.check(rawToken, AccountToken.Purpose.ACTIVATION);
        switch (checked.state()) {
            case USED: return Outcome.ALREADY_USED;
            case REPLACED: return Outcome.REPLACED;
            case EXPIRED: return Outcome.EXPIRED;
            case UNKNOWN: return Outcome.UNKNOWN;
            default: break;
        }
        AccountToken token = checked.token();
        PortalAccount account = accounts.findById(token.getAccountId()).orElse(null);
        if (account == null || account.getStatus() != AccountStatus.PENDING) {
            return account == null ? Outcome.EXPIRED : Outcome.ALREADY_USED;
        }
        Instant now = clock.instant();
        token.use(now);
        account.activate(now);
        Map<String, Object> variables = new HashMap<>();
        if (families.fileIdOfAccount(account.getId()).isEmpty()) {
            // who signed up, for the Guichet Unique's form (only once the account is real)
            variables.put(SIGNED_UP_NAME.name(), (nullToEmpty(account.getCivility()) + " " + account.displayName()).trim());
            variables.put(SIGNED_UP_EMAIL.name(), account.getEmail());
            variables.put(SIGNED_UP_PHONE.name(), nullToEmpty(account.getPhone()));
            variables.put(SIGNED_UP_USERNAME.name(), account.getUsername());
        }
        runtime.createMessageCorrelation(MESSAGE_ACTIVATED).processInstanceBusinessKey(String.valueOf(account.getId()))
                .setVariables(variables).correlateWithResult();
        return Outcome.ACTIVATED;
    }

    /** BPMN step after the timer: the account never activated is deleted with its link to a file. */
    @Transactional
    void purgePending(long accountId) {
        account(accountId).filter(a -> a.getStatus() == AccountStatus.PENDING).ifPresent(account -> {
            families.unlinkAccount(accountId);
            accounts.delete(account);
            accounts.flush();
        });
    }

    /**
     * The Guichet Unique's decision on an unlinked account, checked again on the server: to link,
     * the file must exist and have no account.
     *
     * @throws ProcessEngineException with a French message, so Tasklist shows it and the task stays open
     */
    @Transactional
    void applyDeskDecision(long accountId, String decision, String fileNumber) {
        if (DECISION_DESK.equals(decision)) {
            return;
        }
        if (!DECISION_LINK.equals(decision)) {
            throw new FormRefusal("Choisissez « Rattacher au dossier » ou « Demander à la famille de venir au Guichet Unique ».");
        }
        String number = fileNumber == null ? "" : fileNumber.trim();
        Optional<FamilySummary> file = number.isEmpty() ? Optional.empty() : families.findByNumber(number);
        if (file.isEmpty()) {
            throw new FormRefusal("Le dossier famille n° « " + number + " » n'existe pas : vérifiez le numéro.");
        }
        if (families.hasAccount(file.get().id())) {
            throw new FormRefusal("Le dossier famille n° " + number + " est déjà rattaché à un compte du portail.");
        }
        if (families.fileIdOfAccount(accountId).isEmpty()) {
            families.linkAccount(file.get().id(), accountId);
        }
    }

    /** BPMN mail steps after activation. */
    void sendMail(long accountId, String activityId) {
        account(accountId).ifPresent(account -> {
            Map<String, Object> model = new HashMap<>();
            model.put("name", account.displayName());
            model.put("username", account.getUsername());
            model.put("loginLink", properties.link("/connexion"));
            families.ofAccount(accountId).ifPresent(f -> {
                model.put("fileNumber", f.number());
                model.put("fileName", f.name());
            });
            switch (activityId) {
                case TASK_SEND_WELCOME -> mail.send(account.getEmail(), "Bienvenue sur le Portail Famille", "welcome", model);
                case TASK_SEND_LINKED -> mail.send(account.getEmail(), "Votre compte est rattaché à votre dossier famille",
                        "linked-by-desk", model);
                case TASK_SEND_COME_TO_DESK -> mail.send(account.getEmail(), "Présentez-vous au Guichet Unique",
                        "come-to-desk", model);
                default -> throw new IllegalArgumentException("pas de courriel pour " + activityId);
            }
        });
    }

    private Map<String, Object> activationModel(PortalAccount account, String token) {
        return Map.of("name", account.displayName(), "username", account.getUsername(),
                "link", properties.link("/inscription/activer?jeton=" + token),
                "validity", validity.toHours(), "resendLink", properties.link("/inscription/renvoyer-lien"));
    }

    private Instant deadline(PortalAccount account) {
        return account.getCreatedAt().plus(validity);
    }

    private Optional<PortalAccount> account(long accountId) {
        return accounts.findById(accountId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
