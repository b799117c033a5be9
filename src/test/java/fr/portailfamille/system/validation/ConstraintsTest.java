package fr.portailfamille.system.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our constraints, as a form object uses them, with their French messages. */
class ConstraintsTest {

    record Phone(@FrenchPhone String number) {}

    record Required(@FrenchPhone(message = "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78.") String number) {}

    record Name(@SingleLine(max = 10, tooLong = "10 caractères au plus.") String name) {}

    record Subject(@SingleLine String subject) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static List<String> messages(Object form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessage).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78",
            "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "03 20 12 34 56", " 06 12 34 56 78 "})
    void frenchNumbersAreAccepted(String number) {
        assertThat(messages(new Phone(number))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56", "6 12 34 56 78", "00 12 34 56 78", "+44 20 7946 0958", "06 12 34 56 78 9",
            "téléphone", "06 12 34 56 7a", "06 12 34 56 78 06 12 34 56 78"})
    void otherNumbersAreRefusedInFrench(String number) {
        assertThat(messages(new Phone(number)))
                .containsExactly("Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.");
    }

    @Test
    void anEmptyNumberIsLeftToNotBlank_andAFormMaySayItsOwnMessage() {
        assertThat(messages(new Phone(null))).isEmpty();
        assertThat(messages(new Phone("  "))).isEmpty();
        assertThat(messages(new Required("07 00")))
                .containsExactly("Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78.");
    }

    @Test
    void aTextOnOneLineWithinItsLengthIsAccepted() {
        assertThat(messages(new Name("Léa"))).isEmpty();
        assertThat(messages(new Name(null))).isEmpty();
        assertThat(messages(new Name("0123456789"))).isEmpty();
        assertThat(messages(new Subject("x".repeat(100)))).isEmpty();
    }

    @Test
    void aLineBreakOrAControlCharacterIsRefused() {
        assertThat(messages(new Name("Léa\nDUPONT"))).containsExactly("Saisissez ce texte sur une seule ligne.");
        assertThat(messages(new Name("Léa\u2028"))).containsExactly("Saisissez ce texte sur une seule ligne.");
        assertThat(messages(new Name("L\u0000a"))).containsExactly("Saisissez ce texte sur une seule ligne.");
    }

    @Test
    void aTooLongTextSaysTheLimit() {
        assertThat(messages(new Name("01234567890"))).containsExactly("10 caractères au plus.");
        assertThat(messages(new Subject("x".repeat(101)))).containsExactly("100 caractères au plus.");
    }
}
