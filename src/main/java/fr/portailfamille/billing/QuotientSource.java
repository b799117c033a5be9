package fr.portailfamille.billing;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.QuotientFamilial;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The quotients familiaux of a family that may apply to a month, from the family module: the one
 * valid on the month's first day and the one valid on its last day (a quotient given mid-month).
 */
@Component
class QuotientSource {

    private final FamilyFiles families;

    QuotientSource(FamilyFiles families) {
        this.families = families;
    }

    List<PricingInput.Quotient> of(long familyFileId, YearMonth month) {
        return Stream.of(month.atDay(1), month.atEndOfMonth())
                .map(day -> families.quotientFamilial(familyFileId, day))
                .flatMap(java.util.Optional::stream)
                .distinct()
                .map(QuotientSource::quotient)
                .toList();
    }

    /** The same for several families at once: two queries, whatever their number. */
    Map<Long, List<PricingInput.Quotient>> of(Collection<Long> familyFileIds, YearMonth month) {
        Map<Long, QuotientFamilial> first = families.quotientsFamiliaux(familyFileIds, month.atDay(1));
        Map<Long, QuotientFamilial> last = families.quotientsFamiliaux(familyFileIds, month.atEndOfMonth());
        Map<Long, List<PricingInput.Quotient>> quotients = new HashMap<>();
        for (long id : familyFileIds) {
            quotients.put(id, Stream.of(first.get(id), last.get(id)).filter(Objects::nonNull).distinct()
                    .map(QuotientSource::quotient).toList());
        }
        return quotients;
    }

    private static PricingInput.Quotient quotient(QuotientFamilial qf) {
        return new PricingInput.Quotient(qf.value(), qf.validFrom(), qf.validTo());
    }
}
