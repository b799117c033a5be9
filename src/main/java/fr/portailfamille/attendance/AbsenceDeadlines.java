package fr.portailfamille.attendance;

import fr.portailfamille.system.calendar.TownCalendar;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The escalation timer of {@code absenceJustification}, in working days of the town (weekends and public holidays skipped). */
@Component
public class AbsenceDeadlines {

    private final TownCalendar calendar;

    AbsenceDeadlines(TownCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code ${absenceDeadlines.reminder()}}: {@value AbsenceJustificationProcess#REVIEW_REMINDER_WORKING_DAYS} working days from now. */
    public Date reminder() {
        return calendar.afterWorkingDays(AbsenceJustificationProcess.REVIEW_REMINDER_WORKING_DAYS);
    }
}
