package fr.portailfamille.activity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity module's public service: the catalogue as other modules see it. */
@Service
@Transactional(readOnly = true)
public class Activities {

    private final ActivityRepository activities;

    Activities(ActivityRepository activities) {
        this.activities = activities;
    }

    public List<ActivitySummary> all() {
        return activities.findAll().stream().sorted(Comparator.comparing(Activity::getName)).map(Activities::summary).toList();
    }

    public Optional<ActivitySummary> find(long id) {
        return activities.findById(id).map(Activities::summary);
    }

    public Optional<ActivitySummary> findByCode(String code) {
        return activities.findByCode(code).map(Activities::summary);
    }

    static ActivitySummary summary(Activity a) {
        return new ActivitySummary(a.getId(), a.getCode(), a.getName(), a.getActivityType(), a.getServiceGroup(),
                a.getBookingUnit(), a.weekdaySet(), a.getCapacityPerDay(), a.getMinAge(), a.getMaxAge());
    }
}
