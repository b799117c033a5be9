package fr.portailfamille.debit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An IBAN a SEPA direct debit can be drawn on ({@link SepaAccounts#ibanProblem}); the message says
 * what is wrong (unknown country, length, check digits, outside the SEPA zone). Spaces are allowed.
 */
@Documented
@Constraint(validatedBy = SepaIban.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface SepaIban {

    String message() default "Cet IBAN n'est pas valide.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<SepaIban, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // the message quotes what was typed: escaped, so that the validator never interpolates it
            return SepaAccounts.ibanProblem(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
