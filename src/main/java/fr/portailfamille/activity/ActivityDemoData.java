package fr.portailfamille.activity;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import fr.portailfamille.family.DocumentType;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four demo activities, each with its service, days and capacity, when it runs, the
 * 2025-2026 and 2026-2027 school years as periods, the documents it requires and a tariff grid.
 */
@Component
@Profile("demo")
class ActivityDemoData implements DemoDataLoader {

    static final LocalDate TARIFF_START = LocalDate.of(2025, 9, 1);

    private final ActivityRepository activities;
    private final CatalogueStore store;

    ActivityDemoData(ActivityRepository activities, CatalogueStore store) {
        this.activities = activities;
        this.store = store;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public void load() {
        Activity loisirs = add(new Activity("CENTRE_LOISIRS", "Centre de loisirs", "Accueil de loisirs", StaffGroup.ENFANCE.id(),
                "Les mercredis et pendant les vacances scolaires, de 8 h à 18 h.", BookingUnit.DAY,
                EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), 40, 3, 12));
        Activity matin = add(new Activity("PERISCOLAIRE_MATIN", "Accueil périscolaire matin", "Accueil périscolaire", StaffGroup.ENFANCE.id(),
                "Avant l'école, de 7 h 30 à 8 h 20, les jours d'école.", BookingUnit.SESSION,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 30, 3, 11));
        Activity soir = add(new Activity("PERISCOLAIRE_SOIR", "Accueil périscolaire soir", "Accueil périscolaire", StaffGroup.ENFANCE.id(),
                "Après l'école, de 16 h 30 à 18 h 30, les jours d'école.", BookingUnit.SESSION,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 30, 3, 11));
        Activity cantine = add(new Activity("RESTAURATION", "Restauration scolaire", "Restauration", StaffGroup.RESTAURATION.id(),
                "Le déjeuner à la cantine, les jours d'école.", BookingUnit.MEAL,
                EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), 120, 3, 11));

        if (store.periods(loisirs.getId()).isEmpty()) {
            loisirs.runsOn(false, true, true);
            loisirs.requireDocuments(List.of(DocumentType.QUOTIENT_FAMILIAL.name(), DocumentType.ASSURANCE.name(), DocumentType.VACCINATIONS.name()));
            schoolYears(loisirs, true);
            grid(loisirs, "8.00", "7.20", "6.40", "14.00", "12.60", "11.20", "20.00", "18.00", "16.00");
        }
        if (store.periods(matin.getId()).isEmpty()) {
            matin.runsOn(true, false, false);
            matin.requireDocuments(List.of(DocumentType.QUOTIENT_FAMILIAL.name(), DocumentType.ASSURANCE.name()));
            schoolYears(matin, false);
            grid(matin, "1.20", "1.10", "1.00", "2.00", "1.80", "1.60", "2.80", "2.50", "2.20");
        }
        if (store.periods(soir.getId()).isEmpty()) {
            soir.runsOn(true, false, false);
            soir.requireDocuments(List.of(DocumentType.QUOTIENT_FAMILIAL.name(), DocumentType.ASSURANCE.name()));
            schoolYears(soir, false);
            grid(soir, "1.80", "1.60", "1.40", "2.90", "2.60", "2.30", "3.90", "3.50", "3.10");
        }
        if (store.periods(cantine.getId()).isEmpty()) {
            cantine.runsOn(true, false, false);
            cantine.requireDocuments(List.of(DocumentType.QUOTIENT_FAMILIAL.name()));
            schoolYears(cantine, false);
            grid(cantine, "1.00", "1.00", "1.00", "3.20", "2.90", "2.60", "4.60", "4.20", "3.80");
        }
    }

    private void schoolYears(Activity activity, boolean withSummer) {
        store.addPeriod(activity.getId(), "Année scolaire 2025-2026", LocalDate.of(2025, 9, 1),
                withSummer ? LocalDate.of(2026, 8, 31) : LocalDate.of(2026, 7, 3));
        store.addPeriod(activity.getId(), "Année scolaire 2026-2027", LocalDate.of(2026, 9, 1),
                withSummer ? LocalDate.of(2027, 8, 31) : LocalDate.of(2027, 7, 2));
    }

    /** Three quotient-familial brackets (0–700, 701–1200, 1201 and more) × three sibling ranks. */
    private void grid(Activity activity, String... prices) {
        int[][] brackets = {{0, 700}, {701, 1200}, {1201, -1}};
        for (int b = 0; b < 3; b++) {
            for (int rank = 1; rank <= 3; rank++) {
                Integer max = brackets[b][1] < 0 ? null : brackets[b][1];
                store.addTariffLine(activity.getId(), TARIFF_START, brackets[b][0], max, rank, new BigDecimal(prices[b * 3 + rank - 1]), "demo");
            }
        }
    }

    private Activity add(Activity activity) {
        return activities.findByCode(activity.getCode()).orElseGet(() -> activities.save(activity));
    }
}
