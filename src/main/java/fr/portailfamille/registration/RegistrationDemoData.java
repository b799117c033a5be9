package fr.portailfamille.registration;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityPeriod;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validated registrations of the DUPONT family for the current period, made directly (no process):
 * Hugo and Léa at the « Centre de loisirs » every weekday it runs, Hugo at the « Restauration scolaire ».
 */
@Component
@Profile("demo")
class RegistrationDemoData implements DemoDataLoader {

    private final RegistrationRepository registrations;
    private final FamilyFiles families;
    private final Activities activities;
    private final Clock clock;

    RegistrationDemoData(RegistrationRepository registrations, FamilyFiles families, Activities activities, Clock clock) {
        this.registrations = registrations;
        this.families = families;
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public void load() {
        FamilySummary dupont = families.findByNumber("100123").orElse(null);
        if (dupont == null || !registrations.findByFamilyFileIdOrderByCreatedAtDesc(dupont.id()).isEmpty()) {
            return;
        }
        for (ChildSummary child : dupont.children()) {
            if (child.firstName().equals("Hugo") || child.firstName().equals("Léa")) {
                validated(dupont, child, "CENTRE_LOISIRS");
            }
            if (child.firstName().equals("Hugo")) {
                validated(dupont, child, "RESTAURATION");
            }
        }
    }

    private void validated(FamilySummary family, ChildSummary child, String activityCode) {
        ActivitySummary activity = activities.findByCode(activityCode).orElse(null);
        if (activity == null) {
            return;
        }
        ActivityPeriod period = activities.registrationPeriod(activity.id(), LocalDate.now(clock)).orElse(null);
        if (period == null) {
            return;
        }
        Registration registration = new Registration(family.id(), child.id(), activity.id(), activity.weekdays(), period.label(),
                period.startDate(), period.endDate(), RegistrationState.PENDING, clock.instant());
        registration.validate("demo", clock.instant());
        registrations.save(registration);
    }
}
