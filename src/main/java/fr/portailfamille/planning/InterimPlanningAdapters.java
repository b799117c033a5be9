package fr.portailfamille.planning;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.system.PortalTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** TEMPORARY until the registration branch is merged: replaced by adapters over SchoolCalendar and Registrations. */
@Configuration(proxyBeanMethods = false)
class InterimPlanningAdapters {

    @Bean
    ValidatedRegistrations interimRegistrations() {
        return (childIds, activityId, from, to) -> {
            Map<Long, List<ValidatedRegistrations.Cover>> all = new HashMap<>();
            childIds.forEach(id -> all.put(id, List.of(new ValidatedRegistrations.Cover(java.util.EnumSet.allOf(DayOfWeek.class), from, to))));
            return all;
        };
    }

    @Bean
    ActivityCalendar interimCalendar() {
        HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
        return new ActivityCalendar() {
            @Override
            public Map<LocalDate, String> closedDays(ActivitySummary activity, LocalDate from, LocalDate to) {
                Map<LocalDate, String> closed = new HashMap<>();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (holidays.isHoliday(d)) {
                        closed.put(d, "jour férié");
                    }
                }
                return closed;
            }

            @Override
            public ZonedDateTime cutOff(ActivitySummary activity, LocalDate day) {
                LocalDate d = day;
                for (int i = 0; i < 2; i++) {
                    d = d.minusDays(1);
                    while (d.getDayOfWeek().getValue() >= 6 || holidays.isHoliday(d)) {
                        d = d.minusDays(1);
                    }
                }
                return d.atTime(LocalTime.NOON).atZone(PortalTime.ZONE);
            }
        };
    }

}
