package fr.portailfamille.registration;

import fr.portailfamille.system.calendar.TownCalendar;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The escalation timers' dates of {@code preRegistration}, from the process's constants, in working days of the town (weekends and public holidays skipped). */
@Component
public class RegistrationDeadlines {

    private final TownCalendar calendar;

    RegistrationDeadlines(TownCalendar calendar) {
        this.calendar = calendar;
    }

    /** The first escalation's due date: {@code ${registrationDeadlines.firstReminder()}} in {@code preRegistration}. */
    public Date firstReminder() {
        return calendar.afterWorkingDays(PreRegistrationProcess.FIRST_REMINDER_WORKING_DAYS);
    }

    /** The second escalation's due date: {@code ${registrationDeadlines.secondReminder()}}. */
    public Date secondReminder() {
        return calendar.afterWorkingDays(PreRegistrationProcess.SECOND_REMINDER_WORKING_DAYS);
    }
}
