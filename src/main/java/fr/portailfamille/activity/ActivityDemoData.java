package fr.portailfamille.activity;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.util.EnumSet;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The four activities of BRIEF.md, each with its service, days and capacity. */
@Component
@Profile("demo")
class ActivityDemoData implements DemoDataLoader {

    private final ActivityRepository activities;

    ActivityDemoData(ActivityRepository activities) {
        this.activities = activities;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        add(new Activity("CENTRE_LOISIRS", "Centre de loisirs", "Accueil de loisirs", StaffGroup.ENFANCE.id(),
                "Les mercredis et pendant les vacances scolaires, de 8 h à 18 h.", BookingUnit.DAY,
                EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), 40, 3, 12));
        add(new Activity("PERISCOLAIRE_MATIN", "Accueil périscolaire matin", "Accueil périscolaire", StaffGroup.ENFANCE.id(),
                "Avant l'école, de 7 h 30 à 8 h 20, les jours d'école.", BookingUnit.SESSION,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 30, 3, 11));
        add(new Activity("PERISCOLAIRE_SOIR", "Accueil périscolaire soir", "Accueil périscolaire", StaffGroup.ENFANCE.id(),
                "Après l'école, de 16 h 30 à 18 h 30, les jours d'école.", BookingUnit.SESSION,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 30, 3, 11));
        add(new Activity("RESTAURATION", "Restauration scolaire", "Restauration", StaffGroup.RESTAURATION.id(),
                "Le déjeuner à la cantine, les jours d'école.", BookingUnit.MEAL,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 120, 3, 11));
    }

    private void add(Activity activity) {
        if (activities.findByCode(activity.getCode()).isEmpty()) {
            activities.save(activity);
        }
    }
}
