package fr.portailfamille.dunning;

import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.calendar.TownCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The timers of {@code unpaidInvoice}: the due date plus {@code portal.dunning.first-reminder-days}
 * (10) for the first reminder, plus {@code second-reminder-days} (20) more for the second, and for
 * each instalment of a plan its date plus the same delays; the day moved to the town's next working
 * day, at {@code reminder-hour}. An invoice in a direct-debit batch ({@link DirectDebits}) is not
 * reminded before the day after its debit.
 */
@Component
public class DunningDeadlines {

    private final DunningStore store;
    private final DunningProperties properties;
    private final TownCalendar calendar;
    private final List<DirectDebits> directDebits;
    private final Clock clock;

    DunningDeadlines(DunningStore store, DunningProperties properties, TownCalendar calendar, List<DirectDebits> directDebits,
            Clock clock) {
        this.store = store;
        this.properties = properties;
        this.calendar = calendar;
        this.directDebits = directDebits;
        this.clock = clock;
    }

    /** {@code ${dunningDeadlines.firstReminder(execution)}}. */
    public Date firstReminder(DelegateExecution execution) {
        DunningStore.Case followed = followed(execution);
        return at(followed.invoiceId(), followed.dueOn().plusDays(properties.firstReminderDays()));
    }

    /** {@code ${dunningDeadlines.secondReminder(execution)}}. */
    public Date secondReminder(DelegateExecution execution) {
        DunningStore.Case followed = followed(execution);
        return at(followed.invoiceId(),
                followed.dueOn().plusDays(properties.firstReminderDays() + (long) properties.secondReminderDays()));
    }

    /**
     * {@code ${dunningDeadlines.instalmentCheck(execution)}}: the next check of the plan's first
     * instalment not settled yet, its date plus the first delay, or plus both once it was reminded.
     */
    public Date instalmentCheck(DelegateExecution execution) {
        DunningStore.Case followed = followed(execution);
        DunningStore.Instalment next = store.instalments(followed.invoiceId()).stream().filter(i -> "PLANNED".equals(i.state()))
                .findFirst().orElseThrow(() -> new IllegalStateException("aucune échéance à suivre pour " + followed.invoiceNumber()));
        boolean reminded = store.remindersOf(followed.invoiceId()).stream()
                .anyMatch(r -> "INSTALMENT".equals(r.kind()) && Integer.valueOf(next.position()).equals(r.instalmentPosition()));
        long days = properties.firstReminderDays() + (reminded ? (long) properties.secondReminderDays() : 0);
        return at(followed.invoiceId(), next.dueOn().plusDays(days));
    }

    /** The reminder day moved to a working day, never before the day after a direct debit, at the reminder hour (Paris). */
    private Date at(long invoiceId, LocalDate day) {
        LocalDate when = day;
        for (DirectDebits debits : directDebits) {
            LocalDate afterDebit = debits.debitDateOf(invoiceId).map(d -> d.plusDays(1)).orElse(when);
            when = afterDebit.isAfter(when) ? afterDebit : when;
        }
        if (!calendar.isWorkingDay(when)) {
            when = calendar.plusWorkingDays(when, 1);
        }
        return Date.from(when.atTime(LocalTime.of(properties.reminderHour(), 0)).atZone(PortalTime.ZONE).toInstant());
    }

    private DunningStore.Case followed(DelegateExecution execution) {
        long invoiceId = UnpaidInvoiceProcess.INVOICE_ID.require(execution);
        return store.find(invoiceId).orElseThrow(() -> new IllegalStateException("facture " + invoiceId + " non suivie"));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
