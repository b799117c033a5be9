package fr.portailfamille.activity;

import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * « Ajouter la période » on an activity's page. That the end follows the start, that the dates lie
 * in the years the portal deals with and that the period overlaps no other is checked by
 * {@link Catalogue#addPeriod}.
 */
record PeriodForm(
        @NotBlank(message = LABEL) @SingleLine(max = 80, tooLong = LABEL)
        String label,
        @NotNull(message = "Saisissez la date de début de la période.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startDate,
        @NotNull(message = "Saisissez la date de fin de la période.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate endDate) {

    static final String LABEL = "Donnez un libellé à la période (80 caractères au plus).";

    PeriodForm {
        label = label == null ? null : label.trim();
    }

    static PeriodForm empty() {
        return new PeriodForm(null, null, null);
    }
}
