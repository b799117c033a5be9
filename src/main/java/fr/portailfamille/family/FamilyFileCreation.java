package fr.portailfamille.family;

import static fr.portailfamille.family.FamilyFileCreationProcess.*;

import fr.portailfamille.family.AccountLinkCandidates.AccountLinkCandidate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family file created by the Guichet Unique (process {@code familyFileCreation}): the start form's
 * values checked again, the next number of the town, then possibly a waiting portal account linked.
 */
@Service
@Transactional
class FamilyFileCreation {

    private final FamilyFileRepository files;
    private final FamilyDetailsStore store;
    private final ObjectProvider<AccountLinkCandidates> candidates;
    private final Clock clock;

    FamilyFileCreation(FamilyFileRepository files, FamilyDetailsStore store, ObjectProvider<AccountLinkCandidates> candidates,
            Clock clock) {
        this.files = files;
        this.store = store;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** Creates the file from the start form's values; throws with every problem, in French, when they are not right. */
    FamilyFile create(Map<String, Object> form) {
        List<String> problems = new ArrayList<>();
        String familyName = text(form, FAMILY_NAME.name(), "le nom de la famille", 100, problems);
        String addressLine = text(form, ADDRESS_LINE.name(), "l'adresse", 200, problems);
        String postalCode = text(form, POSTAL_CODE.name(), "le code postal", 10, problems);
        String city = text(form, CITY.name(), "la commune", 100, problems);
        String lastName = text(form, GUARDIAN_LAST_NAME.name(), "le nom du responsable", 100, problems);
        String firstName = text(form, GUARDIAN_FIRST_NAME.name(), "le prénom du responsable", 100, problems);
        String email = text(form, GUARDIAN_EMAIL.name(), "l'e-mail du responsable", 254, problems);
        String phone = text(form, GUARDIAN_PHONE.name(), "le téléphone du responsable", 20, problems);
        if (postalCode != null && !FamilyInput.isPostalCode(postalCode)) {
            problems.add("Code postal : 5 chiffres.");
        }
        if (email != null && !FamilyInput.isEmail(email)) {
            problems.add("E-mail du responsable : " + FamilyInput.EMAIL_MESSAGE);
        }
        if (phone != null && !FamilyInput.isFrenchPhone(phone)) {
            problems.add("Téléphone du responsable : " + FamilyInput.PHONE_MESSAGE);
        }
        List<Child> children = new ArrayList<>();
        for (int n = 1; n <= MAX_CHILDREN; n++) {
            String childFirstName = FamilyInput.clean(string(form.get(childFirstName(n))));
            String typedDate = FamilyInput.clean(string(form.get(childBirthDate(n))));
            if (childFirstName == null && typedDate == null) {
                continue;
            }
            String childLastName = Optional.ofNullable(FamilyInput.clean(string(form.get(childLastName(n))))).orElse(familyName);
            LocalDate birthDate = FamilyInput.date(typedDate);
            if (childFirstName == null) {
                problems.add("Enfant " + n + " : saisissez le prénom.");
            }
            if (birthDate == null) {
                problems.add("Enfant " + n + " : saisissez une date de naissance valide.");
            } else if (birthDate.isAfter(LocalDate.now(clock))) {
                problems.add("Enfant " + n + " : la date de naissance ne peut pas être dans le futur.");
            }
            if (childFirstName != null && birthDate != null && childLastName != null) {
                children.add(new Child(childLastName.toUpperCase(java.util.Locale.FRANCE), childFirstName, birthDate, null, null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Le dossier n'est pas créé. " + String.join(" ", problems));
        }
        FamilyFile file = new FamilyFile(String.valueOf(store.nextFileNumber()), familyName.toUpperCase(java.util.Locale.FRANCE))
                .withAddress(addressLine, postalCode, city);
        file.addGuardian(new Guardian(null, lastName.toUpperCase(java.util.Locale.FRANCE), firstName, "Responsable légal", email, phone));
        children.forEach(file::addChild);
        return files.saveAndFlush(file);
    }

    /** Activated portal accounts waiting for a file (none when the accounts module is absent). */
    @Transactional(readOnly = true)
    List<AccountLinkCandidate> waitingAccounts() {
        return candidates.orderedStream().flatMap(c -> c.unlinkedAccounts().stream()).distinct().toList();
    }

    /**
     * Links the account the agent chose (by user name) to the file; nothing when the name is empty;
     * throws when the name is not one of the waiting accounts.
     */
    Optional<Long> link(long familyFileId, String username) {
        String chosen = FamilyInput.clean(username);
        if (chosen == null) {
            return Optional.empty();
        }
        AccountLinkCandidate account = waitingAccounts().stream().filter(a -> a.username().equalsIgnoreCase(chosen)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Le compte « " + chosen
                        + " » n'attend pas de rattachement : choisissez un des comptes proposés, ou laissez le champ vide."));
        files.findById(familyFileId).orElseThrow().linkAccount(account.accountId());
        files.flush();
        return Optional.of(account.accountId());
    }

    private static String text(Map<String, Object> form, String key, String what, int max, List<String> problems) {
        String value = FamilyInput.clean(string(form.get(key)));
        if (value == null) {
            problems.add("Saisissez " + what + ".");
        } else if (value.length() > max) {
            problems.add("Trop long : " + what + " (" + max + " caractères au plus).");
        }
        return value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
