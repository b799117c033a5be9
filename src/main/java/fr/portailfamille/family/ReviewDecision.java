package fr.portailfamille.family;

/**
 * The decision of an agent on a review form ({@code approved}, {@code reason}): checked again on the
 * server, since Camunda Forms are validated only in the browser.
 */
record ReviewDecision(boolean approved, String reason) {

    static final String APPROVED = "approved";
    static final String REASON = "reason";

    /** Reads and checks the form's values; a refusal needs a reason. */
    static ReviewDecision of(Object approved, Object reason) {
        if (!(approved instanceof Boolean decision)) {
            throw new IllegalArgumentException("Indiquez si la demande est acceptée ou refusée.");
        }
        String text = reason == null ? null : reason.toString().strip();
        if (!decision && (text == null || text.isEmpty())) {
            throw new IllegalArgumentException("Le motif du refus est obligatoire : il est envoyé à la famille.");
        }
        if (text != null && text.length() > 500) {
            throw new IllegalArgumentException("Le motif ne doit pas dépasser 500 caractères.");
        }
        return new ReviewDecision(decision, text == null || text.isEmpty() ? null : text);
    }
}
