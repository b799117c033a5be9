package fr.portailfamille.system.web;

import java.beans.PropertyEditorSupport;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a form sends is one line unless it comes from a {@code <textarea>}: a name, a
 * subject, a city typed with a line break (or a forged CR/LF) would break the greeting of a mail
 * and the one-line displays. Applied to every binder (form objects and request parameters alike):
 * line breaks, tabs and other vertical spaces become a space. The multi-line fields are listed
 * here, by the name their {@code <textarea>} posts; a test checks that every textarea of the
 * templates is in the list.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SingleLineFields {

    /** The names of the textareas of the portal's forms (messages, comments, health texts, descriptions). */
    public static final Set<String> MULTI_LINE = Set.of("body", "message", "description", "comment", "allergies",
            "paiDetails", "remarks", "commentaire");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\x0B\\f\\u0085\\u2028\\u2029]+");

    /** The value on one line: each run of line breaks or tabs becomes one space (other spaces are left as typed). */
    public static String oneLine(String value) {
        return value == null ? null : LINE_BREAKS.matcher(value).replaceAll(" ");
    }

    @InitBinder
    void singleLine(WebDataBinder binder) {
        if (MULTI_LINE.contains(binder.getObjectName())) {
            return; // a request parameter named like a textarea
        }
        binder.registerCustomEditor(String.class, new OneLineEditor());
        for (String field : MULTI_LINE) {
            binder.registerCustomEditor(String.class, field, new AsTypedEditor());
        }
    }

    private static final class OneLineEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(oneLine(text));
        }
    }

    private static final class AsTypedEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(text);
        }
    }
}
