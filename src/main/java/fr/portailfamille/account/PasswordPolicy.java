package fr.portailfamille.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rule (length rather than complexity tricks, as ANSSI and NIST advise): at least 12
 * characters, not containing the user name, not one of the common passwords of
 * {@code account/common-passwords.txt}.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The French reason the password is refused, or empty when it is acceptable. */
    Optional<String> refusal(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Le mot de passe doit contenir au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.trim().length() >= 3 && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("Le mot de passe ne doit pas contenir votre nom d'utilisateur.");
        }
        if (common.contains(lower)) {
            return Optional.of("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.");
        }
        return Optional.empty();
    }
}
