package fr.portailfamille.billing;

import fr.portailfamille.attendance.BilledDays;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance's {@link BilledDays} (the CAF report's « facturé »): the days the monthly run bills,
 * from the same input and the same rules ({@link Pricing#billedDays}) — what the month's invoices
 * bill once corrections after publication (credit notes, regularisations) are counted.
 */
@Component
@Transactional(readOnly = true)
class BillingBilledDays implements BilledDays {

    private static final int BATCH = 500;

    private final BillingSource source;

    BillingBilledDays(BillingSource source) {
        this.source = source;
    }

    @Override
    public List<BilledDay> of(long activityId, YearMonth month, Collection<Long> familyFileIds) {
        List<Long> ids = List.copyOf(familyFileIds);
        List<BilledDay> billed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (BillingSource.FamilyMonth family : source.monthsOf(ids.subList(from, Math.min(ids.size(), from + BATCH)), month)) {
                Pricing.billedDays(family.input()).stream().filter(d -> d.activityId() == activityId)
                        .forEach(d -> billed.add(new BilledDay(d.childId(), d.day())));
            }
        }
        return billed;
    }
}
