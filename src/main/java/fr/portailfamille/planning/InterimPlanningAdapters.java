package fr.portailfamille.planning;

import java.time.DayOfWeek;
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
}
