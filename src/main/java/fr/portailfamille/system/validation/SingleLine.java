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
 * A text on one line, at most {@link #max()} characters: a name, a subject, a reason. No line
 * break, tab or other control character (the page binder already turns the line breaks of
 * single-line inputs into spaces; this refuses what reaches a form object another way).
 * Empty is accepted: a required text adds {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "Saisissez ce texte sur une seule ligne.";

    /** The longest text accepted, in characters. */
    int max() default 100;

    /** The message when the text is too long. */
    String tooLong() default "100 caractères au plus.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<SingleLine, String> {

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

        private int max;
        private String tooLong;

        @Override
        public void initialize(SingleLine constraint) {
            max = constraint.max();
            tooLong = constraint.tooLong();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (CONTROL.matcher(value).find()) {
                return false;
            }
            if (value.length() > max) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(tooLong.replace("{", "\\{")).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
