package fr.portailfamille.system;

import java.util.Locale;

/**
 * The decision of a staff form, checked again on the server (Camunda Forms are validated only in the
 * browser): an explicit choice among two words of the form's radio buttons (« valider » / « refuser »…,
 * never a default), and the reason required only when refusing. A missing or unknown choice, a refusal
 * without a reason or a reason too long throws a {@link FormRefusal}: Tasklist shows its sentence above
 * the form, still filled in.
 */
public final class StaffDecision {

    /** The name of the radio buttons in every decision form of {@code forms/}. */
    public static final String CHOICE = "decision";
    public static final String VALIDATE = "valider";
    public static final String REFUSE = "refuser";
    public static final String MISSING_REASON = "Indiquez le motif du refus : il est envoyé à la famille.";

    private StaffDecision() {}

    /**
     * Whether the agent chose {@code yes}: from the form's choice ({@code yes} or {@code no}) or, for a
     * caller of the REST API that sends the process's boolean itself, from that boolean.
     */
    public static boolean chosen(Object choice, Object booleanSent, String yes, String no, String question) {
        if (choice instanceof String word && !word.isBlank()) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (w.equals(yes)) {
                return true;
            }
            if (w.equals(no)) {
                return false;
            }
            throw new FormRefusal(question);
        }
        if (booleanSent instanceof Boolean b) {
            return b;
        }
        throw new FormRefusal(question);
    }

    /** The reason, stripped; required when refusing, at most {@code maxLength} characters; null when none. */
    public static String reason(boolean approved, Object reason, int maxLength) {
        String text = reason == null ? null : reason.toString().strip();
        if (!approved && (text == null || text.isEmpty())) {
            throw new FormRefusal(MISSING_REASON);
        }
        if (text != null && text.length() > maxLength) {
            throw new FormRefusal("Le motif ne dépasse pas " + maxLength + " caractères.");
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
