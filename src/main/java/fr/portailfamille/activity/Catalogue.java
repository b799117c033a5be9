package fr.portailfamille.activity;

import fr.portailfamille.family.DocumentType;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.DateParameters;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The services' side of the catalogue: checks what they type (French messages) and saves it. */
@Service
@Transactional
class Catalogue {

    private final ActivityRepository activities;
    private final CatalogueStore store;
    private final Clock clock;

    Catalogue(ActivityRepository activities, CatalogueStore store, Clock clock) {
        this.activities = activities;
        this.store = store;
        this.clock = clock;
    }

    /** The groups whose activities this agent manages: its own services, every service for an administrator. */
    static List<String> managedGroups(StaffPrincipal staff) {
        List<String> groups = new ArrayList<>();
        for (StaffGroup group : StaffGroup.values()) {
            if (staff.isIn(group.id())) {
                groups.add(group.id());
            }
        }
        return groups;
    }

    @Transactional(readOnly = true)
    List<Activity> managedBy(StaffPrincipal staff) {
        return activities.findAll().stream().filter(a -> staff.isIn(a.getServiceGroup()))
                .sorted(Comparator.comparing(Activity::getName)).toList();
    }

    void validate(ActivityForm form, boolean creating, StaffPrincipal staff, Errors errors) {
        if (creating) {
            if (blank(form.getCode())) {
                errors.rejectValue("code", "required", "Saisissez un code.");
            } else if (!form.getCode().trim().matches("[A-Z0-9_]{2,40}")) {
                errors.rejectValue("code", "pattern", "Le code s'écrit en majuscules, chiffres et « _ » (2 à 40 caractères).");
            } else if (activities.findByCode(form.getCode().trim()).isPresent()) {
                errors.rejectValue("code", "duplicate", "Une activité porte déjà ce code.");
            }
        }
        if (blank(form.getName())) {
            errors.rejectValue("name", "required", "Saisissez le nom de l'activité.");
        } else if (form.getName().length() > 120) {
            errors.rejectValue("name", "size", "Le nom ne dépasse pas 120 caractères.");
        }
        if (blank(form.getActivityType())) {
            errors.rejectValue("activityType", "required", "Saisissez le type d'activité.");
        } else if (form.getActivityType().length() > 80) {
            errors.rejectValue("activityType", "size", "Le type ne dépasse pas 80 caractères.");
        }
        if (form.getServiceGroup() == null || !managedGroups(staff).contains(form.getServiceGroup())) {
            errors.rejectValue("serviceGroup", "invalid", "Choisissez un des services que vous gérez.");
        }
        if (form.getBookingUnit() == null) {
            errors.rejectValue("bookingUnit", "required", "Choisissez l'unité de réservation.");
        }
        if (form.getWeekdays().isEmpty()) {
            errors.rejectValue("weekdays", "required", "Cochez au moins un jour de la semaine.");
        }
        if (!errors.hasFieldErrors("capacityPerDay")) {
            if (form.getCapacityPerDay() == null) {
                errors.rejectValue("capacityPerDay", "required", "Saisissez la capacité par jour.");
            } else if (form.getCapacityPerDay() < 0) {
                errors.rejectValue("capacityPerDay", "negative", "La capacité par jour ne peut pas être négative.");
            }
        }
        if (!errors.hasFieldErrors("minAge") && form.getMinAge() != null && (form.getMinAge() < 0 || form.getMinAge() > 25)) {
            errors.rejectValue("minAge", "range", "L'âge minimum est compris entre 0 et 25 ans.");
        }
        if (!errors.hasFieldErrors("maxAge") && form.getMaxAge() != null && (form.getMaxAge() < 0 || form.getMaxAge() > 25)) {
            errors.rejectValue("maxAge", "range", "L'âge maximum est compris entre 0 et 25 ans.");
        } else if (!errors.hasFieldErrors("minAge") && !errors.hasFieldErrors("maxAge") && form.getMinAge() != null
                && form.getMaxAge() != null && form.getMinAge() > form.getMaxAge()) {
            errors.rejectValue("maxAge", "order", "L'âge maximum doit être supérieur ou égal à l'âge minimum.");
        }
        if (!form.isRunsOnSchoolDays() && !form.isRunsOnWednesdays() && !form.isRunsOnHolidays()) {
            errors.rejectValue("runsOnSchoolDays", "required", "Cochez au moins une période : jours d'école, mercredis ou vacances scolaires.");
        }
        if (!errors.hasFieldErrors("cutoffWorkingDays")
                && (form.getCutoffWorkingDays() == null || form.getCutoffWorkingDays() < 0 || form.getCutoffWorkingDays() > 30)) {
            errors.rejectValue("cutoffWorkingDays", "range", "Le délai est un nombre de jours ouvrés entre 0 et 30.");
        }
        if (!errors.hasFieldErrors("cutoffTime") && form.getCutoffTime() == null) {
            errors.rejectValue("cutoffTime", "required", "Saisissez l'heure limite, par exemple 12:00.");
        }
        if (form.getRequiredDocuments().stream().anyMatch(d -> DocumentType.byName(d).filter(DocumentType.requirable()::contains).isEmpty())) {
            errors.rejectValue("requiredDocuments", "invalid", "Choisissez les pièces dans la liste.");
        }
        if (!errors.hasFieldErrors("waitingDays") && (form.getWaitingDays() == null || form.getWaitingDays() < 0 || form.getWaitingDays() > 31)) {
            errors.rejectValue("waitingDays", "range", "Les jours de carence sont un nombre entre 0 et 31.");
        }
        BigDecimal surcharge = form.surchargeAmount();
        if (!errors.hasFieldErrors("unbookedSurcharge") && (surcharge == null || surcharge.signum() < 0
                || surcharge.compareTo(BigDecimal.valueOf(999)) > 0 || surcharge.stripTrailingZeros().scale() > 2)) {
            errors.rejectValue("unbookedSurcharge", "range", "La majoration est un montant en euros entre 0 et 999, au centime près (par exemple 2,50).");
        }
    }

    Activity create(ActivityForm form) {
        Activity activity = new Activity(form.getCode().trim(), form.getName().trim(), form.getActivityType().trim(),
                form.getServiceGroup(), null, form.getBookingUnit(), form.getWeekdays(), form.getCapacityPerDay(),
                form.getMinAge(), form.getMaxAge());
        activity.update(form);
        return activities.save(activity);
    }

    /** Changes the activity, loaded in this transaction (an activity read before it would be detached: nothing saved). */
    void update(long activityId, ActivityForm form) {
        activities.findById(activityId).orElseThrow().update(form);
    }

    /** Checks a period; returns the French problem, or null when it is fine. */
    /** Adds the period when its dates are in order and it overlaps no other; what is wrong goes into {@code errors}. */
    void addPeriod(long activityId, PeriodForm form, Errors errors) {
        LocalDate start = form.startDate();
        LocalDate end = form.endDate();
        checkRange(start, "startDate", errors);
        checkRange(end, "endDate", errors);
        if (errors.hasErrors()) {
            return;
        }
        if (end.isBefore(start)) {
            errors.rejectValue("endDate", "order", "La date de fin doit être postérieure ou égale à la date de début.");
        } else if (store.periods(activityId).stream().anyMatch(p -> !start.isAfter(p.endDate()) && !end.isBefore(p.startDate()))) {
            errors.reject("overlap", "Cette période chevauche une période existante de l'activité.");
        } else {
            store.addPeriod(activityId, form.label(), start, end);
        }
    }

    /** Adds the closure day; what is wrong goes into {@code errors}. */
    void addClosure(long activityId, ClosureForm form, Errors errors) {
        checkRange(form.day(), "day", errors);
        if (!errors.hasErrors()) {
            store.addClosure(activityId, form.day(), form.reason());
        }
    }

    private static void checkRange(LocalDate date, String field, Errors errors) {
        if (date != null && !errors.hasFieldErrors(field) && !DateParameters.inRange(date)) {
            errors.rejectValue(field, "range", "Saisissez une date entre " + DateParameters.FIRST_YEAR + " et "
                    + DateParameters.LAST_YEAR + ".");
        }
    }

    /**
     * Checks a new tariff version and saves it when it is valid. Versions are never changed: a new
     * one starts after today, so an invoice already issued keeps its prices.
     */
    void addTariffVersion(long activityId, TariffForm form, String by, Errors errors) {
        LocalDate today = LocalDate.now(clock);
        if (!errors.hasFieldErrors("validFrom")) {
            if (form.getValidFrom() == null) {
                errors.rejectValue("validFrom", "required", "Saisissez la date d'entrée en vigueur.");
            } else if (!DateParameters.inRange(form.getValidFrom())) {
                checkRange(form.getValidFrom(), "validFrom", errors);
            } else if (!form.getValidFrom().isAfter(today)) {
                errors.rejectValue("validFrom", "past",
                        "Un nouveau tarif entre en vigueur au plus tôt demain : une facture déjà émise ne change jamais.");
            } else if (store.hasTariffVersion(activityId, form.getValidFrom())) {
                errors.rejectValue("validFrom", "duplicate", "Un tarif entre déjà en vigueur à cette date : choisissez une autre date.");
            }
        }
        List<int[]> brackets = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < form.getRows().size(); i++) {
            TariffForm.Row row = form.getRows().get(i);
            if (row.isBlank()) {
                continue;
            }
            any = true;
            String p = "rows[" + i + "].";
            if (!errors.hasFieldErrors(p + "qfMin") && (row.getQfMin() == null || row.getQfMin() < 0)) {
                errors.rejectValue(p + "qfMin", "required", "Saisissez le quotient minimum (0 ou plus).");
            }
            if (!errors.hasFieldErrors(p + "qfMax") && row.getQfMax() != null && row.getQfMin() != null && row.getQfMax() < row.getQfMin()) {
                errors.rejectValue(p + "qfMax", "order", "Le quotient maximum doit être supérieur ou égal au minimum.");
            }
            for (int rank = 1; rank <= 3; rank++) {
                String typed = row.price(rank);
                BigDecimal amount = TariffForm.Row.amount(typed);
                if (amount == null) {
                    errors.rejectValue(p + "price" + rank, "required", "Saisissez un prix, par exemple 4,50.");
                } else if (amount.signum() < 0) {
                    errors.rejectValue(p + "price" + rank, "negative", "Le prix ne peut pas être négatif.");
                } else if (amount.scale() > 2 || amount.compareTo(new BigDecimal("999999")) > 0) {
                    errors.rejectValue(p + "price" + rank, "format", "Le prix s'écrit avec deux décimales au plus.");
                }
            }
            if (!errors.hasFieldErrors(p + "qfMin") && !errors.hasFieldErrors(p + "qfMax")) {
                int min = row.getQfMin();
                int max = row.getQfMax() == null ? Integer.MAX_VALUE : row.getQfMax();
                for (int[] other : brackets) {
                    if (min <= other[1] && other[0] <= max) {
                        errors.rejectValue(p + "qfMin", "overlap",
                                "Cette tranche de quotient chevauche la tranche de la ligne " + (other[2] + 1) + ".");
                        break;
                    }
                }
                brackets.add(new int[] {min, max, i});
            }
        }
        if (!any) {
            errors.reject("empty", "Saisissez au moins une tranche de quotient familial.");
        }
        if (errors.hasErrors()) {
            return;
        }
        for (TariffForm.Row row : form.getRows()) {
            if (!row.isBlank()) {
                for (int rank = 1; rank <= 3; rank++) {
                    store.addTariffLine(activityId, form.getValidFrom(), row.getQfMin(), row.getQfMax(), rank,
                            TariffForm.Row.amount(row.price(rank)), by);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
