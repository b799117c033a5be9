package fr.portailfamille.attendance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * « Signaler une absence »: the reason and an optional comment (the day is named by the page's
 * address, the certificate is a file of its own). Control characters of the comment, line breaks
 * included, become spaces.
 */
record AbsenceForm(
        @NotNull(message = REASON)
        AbsenceReason reason,
        @Size(max = 500, message = "Le commentaire ne dépasse pas 500 caractères.")
        String comment) {

    static final String REASON = "Choisissez le motif de l'absence : maladie ou autre motif.";

    AbsenceForm {
        comment = comment == null ? null : comment.strip().replaceAll("\\p{Cntrl}", " ");
    }

    static AbsenceForm empty() {
        return new AbsenceForm(null, null);
    }

    /** The comment, or null when none was written. */
    String commentOrNull() {
        return comment == null || comment.isBlank() ? null : comment;
    }
}
