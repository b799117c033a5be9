package fr.portailfamille.system.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A French phone number: ten digits starting with 0, or +33 / 0033 and nine, spaces, dots and
 * dashes allowed between them (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, +33 (0)6…).
 * Empty is accepted: a required number adds {@code @NotBlank} with the same message.
 */
@Documented
@Constraint(validatedBy = FrenchPhone.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FrenchPhone {

    String message() default "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, also for the checks that are not a form's (a process's start form, a service). */
    final class Check implements ConstraintValidator<FrenchPhone, String> {

        private static final Pattern DIGITS = Pattern.compile("^(?:0|\\+33|0033)[1-9][0-9]{8}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isFrenchPhone(value);
        }

        public static boolean isFrenchPhone(String value) {
            if (value == null || value.length() > 20) {
                return false;
            }
            String compact = value.strip().replaceAll("[ .\\-]", "").replace("+33(0)", "+33");
            return DIGITS.matcher(compact).matches();
        }
    }
}
