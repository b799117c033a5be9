package fr.portailfamille.dunning;

import fr.portailfamille.system.Euros;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The late invoices the finances follow on {@code /agent/relances}: every followed invoice past its
 * due date and not paid, with the age of the debt, the activities billed, the reminders sent, and
 * totals per age band.
 */
@Service
@Transactional(readOnly = true)
class LateInvoices {

    /** The age bands of a debt, in days after the due date. */
    enum Age {
        UP_TO_30("0-30", "0 à 30 jours", 0, 30), UP_TO_60("31-60", "31 à 60 jours", 31, 60),
        UP_TO_90("61-90", "61 à 90 jours", 61, 90), OVER_90("90+", "plus de 90 jours", 91, Integer.MAX_VALUE);

        final String key;
        final String label;
        final int from;
        final int to;

        Age(String key, String label, int from, int to) {
            this.key = key;
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Age of(long days) {
            return Arrays.stream(values()).filter(a -> days >= a.from && days <= a.to).findFirst().orElse(OVER_90);
        }

        static Age parse(String key) {
            return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst().orElse(null);
        }
    }

    /** One late invoice. */
    record Line(long invoiceId, String invoiceNumber, String familyNumber, String familyName, String period, List<String> activities,
            LocalDate dueOn, long daysLate, Age age, BigDecimal amountDue, String state, List<String> reminders) {

        public String dueOnText() {
            return PortalTime.DATE.format(dueOn);
        }

        public String amountDueText() {
            return Euros.of(amountDue);
        }

        public String activitiesText() {
            return String.join(", ", activities);
        }
    }

    /** A total: how many invoices, how much. */
    record Total(String label, int count, BigDecimal amount) {

        public String amountText() {
            return Euros.of(amount);
        }
    }

    /** The page: the filtered lines, their total, the totals per age band of the lines kept by the other filters, the activities to choose from. */
    record Page(List<Line> lines, Total total, List<Total> byAge, List<String> activities) {}

    private final DunningStore store;
    private final Invoices invoices;
    private final FamilyFiles families;

    LateInvoices(DunningStore store, Invoices invoices, FamilyFiles families) {
        this.store = store;
        this.invoices = invoices;
        this.families = families;
    }

    Page page(LocalDate today, Age age, String activity, String family) {
        List<DunningStore.Case> cases = store.lateOn(today);
        List<Long> ids = cases.stream().map(DunningStore.Case::invoiceId).toList();
        Map<Long, PendingInvoice> pending = invoices.stillPending(ids).stream()
                .collect(Collectors.toMap(PendingInvoice::id, Function.identity()));
        Map<Long, List<String>> activities = invoices.activitiesOf(pending.keySet());
        Map<Long, FamilySummary> familyOf = families.findAll(cases.stream().map(DunningStore.Case::familyFileId).distinct().toList())
                .stream().collect(Collectors.toMap(FamilySummary::id, Function.identity()));
        Map<Long, List<String>> reminders = store.remindersOf(pending.keySet()).stream().collect(Collectors.groupingBy(
                DunningStore.Reminder::invoiceId, Collectors.mapping(r -> r.label() + " le "
                        + PortalTime.DATE.format(r.sentAt().atZone(PortalTime.ZONE)), Collectors.toList())));
        String wantedFamily = family == null ? "" : fold(family.strip());
        List<Line> all = new ArrayList<>();
        for (DunningStore.Case c : cases) {
            PendingInvoice invoice = pending.get(c.invoiceId());
            FamilySummary f = familyOf.get(c.familyFileId());
            if (invoice == null || f == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(c.dueOn(), today);
            all.add(new Line(c.invoiceId(), c.invoiceNumber(), f.number(), f.name(), invoice.period(),
                    activities.getOrDefault(c.invoiceId(), List.of()), c.dueOn(), days, Age.of(days), invoice.amountDue(),
                    Labels.followUp(c.state()), reminders.getOrDefault(c.invoiceId(), List.of())));
        }
        List<String> activityNames = all.stream().flatMap(l -> l.activities().stream()).distinct().sorted().toList();
        List<Line> kept = all.stream()
                .filter(l -> activity == null || activity.isBlank() || l.activities().contains(activity))
                .filter(l -> wantedFamily.isEmpty() || fold(l.familyNumber()).equals(wantedFamily) || fold(l.familyName()).contains(wantedFamily))
                .toList();
        Map<Age, Total> byAge = new LinkedHashMap<>();
        for (Age a : Age.values()) {
            List<Line> of = kept.stream().filter(l -> l.age() == a).toList();
            byAge.put(a, total(a.label(), of));
        }
        List<Line> shown = kept.stream().filter(l -> age == null || l.age() == age).toList();
        return new Page(shown, total("Total", shown), List.copyOf(byAge.values()), activityNames);
    }

    private static Total total(String label, List<Line> lines) {
        return new Total(label, lines.size(), lines.stream().map(Line::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Lower case, without accents: « Lefèvre » finds « LEFEVRE ». */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
