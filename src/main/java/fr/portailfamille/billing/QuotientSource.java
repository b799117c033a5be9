package fr.portailfamille.billing;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The quotients familiaux of a family that may apply to a month.
 * TODO(issue 4): read them from {@code FamilyFiles.quotientFamilial} once the family module exposes
 * it; until then no family has one and everybody pays the top bracket (the invoice says so).
 */
@Component
class QuotientSource {

    List<PricingInput.Quotient> of(long familyFileId, YearMonth month) {
        return List.of();
    }
}
