package fr.portailfamille.registration;

import fr.portailfamille.activity.SchoolCalendar;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The escalation timers' dates, in working days of the town (weekends and public holidays skipped). */
@Component
public class RegistrationDeadlines {

    private final SchoolCalendar calendar;
    private final Clock clock;

    RegistrationDeadlines(SchoolCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Used by the timers of {@code preRegistration}: {@code ${registrationDeadlines.afterWorkingDays(5)}}. */
    public Date afterWorkingDays(int workingDays) {
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone());
        return Date.from(calendar.plusWorkingDays(now, workingDays).toInstant());
    }
}
