package fr.portailfamille.family;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter holding the family file of the logged-in account: the one way a page asks
 * « which family is this ». The parameter may be a {@link FamilySummary} or a {@code long} (the file's
 * id, one indexed query). When the account is not linked to a file yet, the page is not called: the
 * family gets the page « votre compte n'est pas encore rattaché à un dossier famille » of the module
 * it asked for. Only a page that makes sense without a file (« Accueil ») takes an
 * {@code Optional<FamilySummary>} or {@code Optional<Long>}, empty then.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentFamily {}
