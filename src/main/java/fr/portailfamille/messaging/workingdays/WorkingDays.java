package fr.portailfamille.messaging.workingdays;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working days of the town's services: Monday to Friday, French public holidays excepted (Jollyday).
 * Public (in an internal package of the module) because the answer timer of {@code messageRouting} asks it for its due date ({@code ${workingDays.dueDate(…)}}).
 */
@Component("workingDays")
public class WorkingDays {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
    private final Clock clock;

    public WorkingDays(Clock clock) {
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
    }

    /** The day {@code days} working days after {@code from}. */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Now plus that many working days, at the same time of day (Europe/Paris). */
    public Date dueDate(Object days) {
        int count = days instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(days));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PortalTime.ZONE));
        LocalDate due = plusWorkingDays(now.toLocalDate(), count);
        return Date.from(now.with(due).toInstant());
    }
}
