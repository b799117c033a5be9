package fr.portailfamille.activity;

import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** « Ajouter le jour de fermeture » on an activity's page: the day, and an optional reason. */
record ClosureForm(
        @NotNull(message = "Saisissez la date de fermeture.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate day,
        @SingleLine(max = 120, tooLong = "Le motif ne dépasse pas 120 caractères.")
        String reason) {

    ClosureForm {
        reason = reason == null || reason.isBlank() ? null : reason.trim();
    }

    static ClosureForm empty() {
        return new ClosureForm(null, null);
    }
}
