package fr.portailfamille.billing;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * DUPONT's billing history: the month before last, paid by cheque at the desk; last month, published
 * and waiting for payment, priced from the demo's bookings and day sheets (days not billed included). Both priced by the real rules and tariffs, with their stored PDF.
 */
@Component
@Profile("demo")
class BillingDemoData implements DemoDataLoader {

    static final String DEMO_FILE = "100123";

    private final FamilyFiles families;
    private final Activities activities;
    private final ModulesBillingSource source;
    private final InvoiceStore store;
    private final BillingRuns runs;
    private final DeskPayments payments;
    private final BillingProperties properties;
    private final QuotientSource quotients;
    private final Clock clock;

    BillingDemoData(FamilyFiles families, Activities activities, ModulesBillingSource source, InvoiceStore store,
            BillingRuns runs, DeskPayments payments, BillingProperties properties, QuotientSource quotients, Clock clock) {
        this.families = families;
        this.activities = activities;
        this.source = source;
        this.store = store;
        this.runs = runs;
        this.payments = payments;
        this.properties = properties;
        this.quotients = quotients;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load() {
        Optional<FamilySummary> dupont = families.findByNumber(DEMO_FILE);
        Optional<ActivitySummary> leisure = activities.findByCode("CENTRE_LOISIRS");
        Optional<ActivitySummary> canteen = activities.findByCode("RESTAURATION");
        if (dupont.isEmpty() || leisure.isEmpty() || canteen.isEmpty()
                || !store.ofFamily(dupont.get().id(), List.of(InvoiceState.PENDING, InvoiceState.PAID)).isEmpty()) {
            return;
        }
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        InvoiceView paid = invoice(dupont.get(), last.minusMonths(1), leisure.get(), canteen.get());
        invoice(dupont.get(), last, leisure.get(), canteen.get());
        DeskPayments.Request request = payments.check(DEMO_FILE, "CHEQUE", paid.total().toPlainString(), paid.number());
        payments.record(request, "finances", null);
    }

    private InvoiceView invoice(FamilySummary family, YearMonth month, ActivitySummary leisure, ActivitySummary canteen) {
        // Léa and Chloé at the leisure centre on Wednesdays, Léa at the canteen on Mondays and Tuesdays
        long lea = childId(family, "Léa");
        long chloe = childId(family, "Chloé");
        List<PricingInput.BookedDay> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                days.add(new PricingInput.BookedDay(lea, leisure.id(), day, false));
                days.add(new PricingInput.BookedDay(chloe, leisure.id(), day, day.getDayOfMonth() > 21));
            } else if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.TUESDAY) {
                days.add(new PricingInput.BookedDay(lea, canteen.id(), day, false));
            }
        }
        List<PricingInput.Child> children = family.children().stream()
                .map(c -> new PricingInput.Child(c.id(), c.firstName(), c.lastName(), c.birthDate())).toList();
        // a month the demo booked and ticked (the month just ended) is priced from its bookings and day sheets
        PricingInput input = source.familiesToBill(month).contains(family.id())
                ? source.monthsOf(List.of(family.id()), month).get(0).input()
                : new PricingInput(month, quotients.of(family.id(), month), children,
                        Map.of(leisure.id(), source.activity(leisure.id()), canteen.id(), source.activity(canteen.id())), days);
        Pricing.Result priced = new Pricing(properties.siblingRank()).price(input);
        long id = store.insertDraft(null, family.id(), family.number(), family.name(), month, priced);
        LocalDate today = LocalDate.now(clock);
        LocalDate issued = month.plusMonths(1).atDay(2).isAfter(today) ? today : month.plusMonths(1).atDay(2);
        return runs.publishInvoice(id, issued, issued.plusDays(properties.paymentDays()));
    }

    private static long childId(FamilySummary family, String firstName) {
        return family.children().stream().filter(c -> c.firstName().equals(firstName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("enfant de démonstration absent : " + firstName)).id();
    }
}
