package fr.portailfamille.account;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The sign-up wizard's rules (guide, section I-1): each step's checks, then the account and its activation process. */
@Service
class SignUpService {

    static final String TERMS_VERSION = "2026-01";
    static final String CLAIM_REFUSED = "Ces informations ne permettent pas de rattacher votre compte à un dossier famille. "
            + "Vérifiez le numéro et le nom du dossier donnés par le Guichet Unique, et que votre adresse e-mail "
            + "(première étape) est celle que vous lui avez donnée.";
    static final String CLAIM_BLOCKED = "Trop d'essais infructueux. Cochez « Je n'ai pas ces informations, continuer sans » : "
            + "le Guichet Unique rattachera votre compte à votre dossier.";

    private final PortalAccountRepository accounts;
    private final FamilyFiles families;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountActivation activation;
    private final Clock clock;

    SignUpService(PortalAccountRepository accounts, FamilyFiles families, PasswordPolicy policy, PasswordEncoder encoder,
            AccountActivation activation, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.policy = policy;
        this.encoder = encoder;
        this.activation = activation;
        this.clock = clock;
    }

    /**
     * Step 1, once the form's own constraints are checked: refuses into {@code errors} an e-mail or
     * a user name already taken and a password the policy refuses; keeps the identity in the draft
     * when nothing is refused.
     */
    @Transactional(readOnly = true)
    void saveIdentity(SignUpIdentity in, SignUpDraft draft, Errors errors) {
        if (!errors.hasFieldErrors("email") && accounts.findByEmailIgnoreCase(in.email()).isPresent()) {
            errors.rejectValue("email", "taken", "Cette adresse e-mail est déjà celle d'un compte du portail : connectez-vous ou utilisez « mot de passe oublié ? ».");
        }
        if (!errors.hasFieldErrors("username") && accounts.findByUsernameIgnoreCase(in.username()).isPresent()) {
            errors.rejectValue("username", "taken", "Ce nom d'utilisateur est déjà pris : choisissez-en un autre.");
        }
        boolean keepPassword = draft.passwordHash != null && isBlank(in.password()) && isBlank(in.passwordConfirmation())
                && in.username().equalsIgnoreCase(nullToEmpty(draft.username));
        if (!keepPassword) {
            String password = nullToEmpty(in.password());
            policy.refusal(password, in.username()).ifPresentOrElse(m -> errors.rejectValue("password", "policy", m), () -> {
                if (!password.equals(nullToEmpty(in.passwordConfirmation()))) {
                    errors.rejectValue("passwordConfirmation", "different", "La confirmation ne correspond pas au mot de passe.");
                }
            });
        }
        if (!errors.hasErrors()) {
            draft.civility = in.civility();
            draft.lastName = in.lastName().toUpperCase(Locale.FRENCH);
            draft.firstName = in.firstName();
            draft.email = in.email();
            draft.phone = in.phone();
            draft.username = in.username();
            if (!keepPassword) {
                draft.passwordHash = encoder.encode(in.password());
            }
        }
    }

    /**
     * Step 2: links the draft to a family file when the number, the name (any case, any accents)
     * and the e-mail of step 1 match a file that has no account yet. One neutral refusal otherwise.
     */
    @Transactional(readOnly = true)
    Optional<String> claimFile(SignUpDraft draft, String number, String name) {
        if (draft.claimAttempts >= SignUpDraft.MAX_CLAIM_ATTEMPTS) {
            return Optional.of(CLAIM_BLOCKED);
        }
        draft.claimAttempts++;
        Optional<FamilySummary> file = isBlank(number) || isBlank(name) ? Optional.empty() : families.findByNumber(number.trim());
        boolean matches = file.isPresent()
                && normalised(file.get().name()).equals(normalised(name))
                && file.get().emails().stream().anyMatch(e -> e.equalsIgnoreCase(draft.email))
                && !families.hasAccount(file.get().id());
        if (!matches) {
            return Optional.of(draft.claimAttempts >= SignUpDraft.MAX_CLAIM_ATTEMPTS ? CLAIM_BLOCKED : CLAIM_REFUSED);
        }
        draft.familyFileId = file.get().id();
        draft.familyFileNumber = file.get().number();
        draft.familyFileName = file.get().name();
        draft.fileStepDone = true;
        return Optional.empty();
    }

    void continueWithoutFile(SignUpDraft draft) {
        draft.familyFileId = null;
        draft.familyFileNumber = null;
        draft.familyFileName = null;
        draft.fileStepDone = true;
    }

    void acceptTerms(SignUpDraft draft) {
        draft.termsVersion = TERMS_VERSION;
        draft.termsAcceptedAt = clock.instant();
    }

    /**
     * « valider mon inscription »: the pending account, its link to the claimed file and the start
     * of {@code accountActivation}, in one transaction.
     *
     * @throws SignUpConflict when the user name, the e-mail or the file was taken meanwhile
     */
    @Transactional
    long register(SignUpDraft draft) {
        if (accounts.findByUsernameIgnoreCase(draft.username).isPresent()) {
            throw new SignUpConflict(1, "username", "Ce nom d'utilisateur est déjà pris : choisissez-en un autre.");
        }
        if (accounts.findByEmailIgnoreCase(draft.email).isPresent()) {
            throw new SignUpConflict(1, "email", "Cette adresse e-mail est déjà celle d'un compte du portail.");
        }
        if (draft.familyFileId != null && families.hasAccount(draft.familyFileId)) {
            throw new SignUpConflict(2, "number", CLAIM_REFUSED);
        }
        PortalAccount account = new PortalAccount(draft.username, draft.email, draft.passwordHash, draft.civility,
                draft.lastName, draft.firstName, draft.phone);
        account.acceptTerms(draft.termsVersion, draft.termsAcceptedAt);
        try {
            accounts.saveAndFlush(account);
            if (draft.familyFileId != null) {
                families.linkAccount(draft.familyFileId, account.getId());
            }
        } catch (DataIntegrityViolationException e) {
            throw new SignUpConflict(1, "username", "Ce nom d'utilisateur ou cette adresse e-mail vient d'être pris : vérifiez-les.");
        }
        activation.start(account.getId(), draft.familyFileId != null);
        return account.getId();
    }

    /** Upper case, no accents, letters and digits only: « Durand », « DURAND » and « durand » are the same name. */
    static String normalised(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A check of the wizard failed at « valider mon inscription »: back to the step that needs a change. */
    static final class SignUpConflict extends RuntimeException {
        final int step;
        final String field;

        SignUpConflict(int step, String field, String message) {
            super(message);
            this.step = step;
            this.field = field;
        }
    }
}
