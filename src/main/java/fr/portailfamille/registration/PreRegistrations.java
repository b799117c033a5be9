package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityPeriod;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.Weekdays;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.DocumentType;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.BusinessKeys;
import fr.portailfamille.system.mail.MailService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-registrations: what a child may be registered to, the family's request (which starts the
 * process {@code preRegistration}), its withdrawal, and the service's decision.
 */
@Service
@Transactional
class PreRegistrations {

    /** A request the server refused, with the French message for the page. */
    static class RefusedRequest extends RuntimeException {
        RefusedRequest(String message) {
            super(message);
        }
    }

    private final RegistrationRepository registrations;
    private final FamilyFiles families;
    private final Activities activities;
    private final RuntimeService runtime;
    private final MailService mail;
    private final Clock clock;
    private final ReviewFacts reviewFacts;

    PreRegistrations(RegistrationRepository registrations, FamilyFiles families, Activities activities, RuntimeService runtime,
            MailService mail, Clock clock, ReviewFacts reviewFacts) {
        this.reviewFacts = reviewFacts;
        this.registrations = registrations;
        this.families = families;
        this.activities = activities;
        this.runtime = runtime;
        this.mail = mail;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The child of this family, or empty (another family's child is unknown here). */
    @Transactional(readOnly = true)
    Optional<ChildSummary> childOf(FamilySummary family, long childId) {
        return family.children().stream().filter(c -> c.id() == childId).findFirst();
    }

    /** Every activity of the catalogue, each available to this child or not with the reason (two queries per child). */
    @Transactional(readOnly = true)
    List<RegistrationChoice> choices(ChildSummary child, List<ActivitySummary> catalogue, Map<Long, ActivityPeriod> periods) {
        List<Registration> live = liveRegistrations(child);
        List<RegistrationChoice> choices = new ArrayList<>();
        for (ActivitySummary activity : catalogue) {
            choices.add(choice(child, activity, Optional.ofNullable(periods.get(activity.id())), live));
        }
        return choices;
    }

    /** The periods families register for today, by activity: what {@link #choices} needs of the catalogue. */
    @Transactional(readOnly = true)
    Map<Long, ActivityPeriod> registrationPeriods() {
        return activities.registrationPeriods(today());
    }

    @Transactional(readOnly = true)
    RegistrationChoice choice(ChildSummary child, ActivitySummary activity) {
        return choice(child, activity, activities.registrationPeriod(activity.id(), today()), liveRegistrations(child));
    }

    private List<Registration> liveRegistrations(ChildSummary child) {
        return registrations.liveOfChild(child.id());
    }

    private RegistrationChoice choice(ChildSummary child, ActivitySummary activity, Optional<ActivityPeriod> period, List<Registration> live) {
        if (period.isEmpty()) {
            return new RegistrationChoice(activity, null, "Les inscriptions à cette activité ne sont pas ouvertes pour le moment.");
        }
        LocalDate ageDay = period.get().startDate().isAfter(today()) ? period.get().startDate() : today();
        int age = child.ageOn(ageDay);
        if (!activity.acceptsAge(age)) {
            return new RegistrationChoice(activity, period.get(), child.firstName() + " a " + age + (age < 2 ? " an" : " ans") + " : cette activité accueille les enfants "
                    + activity.ageRange() + ".");
        }
        for (Registration existing : live) {
            if (existing.getActivityId() == activity.id() && existing.getValidFrom().equals(period.get().startDate())) {
                return new RegistrationChoice(activity, period.get(), existing.getState() == RegistrationState.PENDING
                        ? "Une demande est déjà en attente de validation pour " + child.firstName() + " (" + period.get().label() + ")."
                        : child.firstName() + " est déjà inscrit(e) à cette activité (" + period.get().label() + ").");
            }
        }
        return new RegistrationChoice(activity, period.get(), null);
    }

    /** Records the request and starts its validation; refuses (in French) anything the page should not have allowed. */
    Registration register(FamilySummary family, long childId, long activityId, Set<DayOfWeek> weekdays) {
        return register(family, childId, activities.find(activityId).orElseThrow(() -> new IllegalArgumentException("activité inconnue")), weekdays);
    }

    /** The same, for the activity the page has just read (« enregistrer »: the catalogue is not read twice). */
    Registration register(FamilySummary family, long childId, ActivitySummary activity, Set<DayOfWeek> weekdays) {
        ChildSummary child = childOf(family, childId).orElseThrow(() -> new IllegalArgumentException("enfant inconnu"));
        RegistrationChoice choice = choice(child, activity);
        if (!choice.available()) {
            throw new RefusedRequest(choice.refusal());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (weekdays != null) {
            days.addAll(weekdays);
        }
        if (days.isEmpty()) {
            throw new RefusedRequest("Cochez au moins un jour.");
        }
        if (!activity.weekdays().containsAll(days)) {
            throw new RefusedRequest("Cette activité n'a lieu que les " + Weekdays.labels(activity.weekdays()) + ".");
        }
        ActivityPeriod period = choice.period();
        Registration registration = registrations.saveAndFlush(new Registration(family.id(), child.id(), activity.id(), days,
                period.label(), period.startDate(), period.endDate(), RegistrationState.PENDING, clock.instant()));
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, businessKey(registration, child),
                startVariables(registration, family, child, activity));
        registration.startedAs(instance.getId());
        return registration;
    }

    /** What the process starts with: references, the service's group and the texts of the Tasklist card. */
    private static Map<String, Object> startVariables(Registration registration, FamilySummary family, ChildSummary child, ActivitySummary activity) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REGISTRATION_ID.name(), registration.getId());
        variables.put(FAMILY_FILE_ID.name(), family.id());
        variables.put(CHILD_ID.name(), child.id());
        variables.put(ACTIVITY_ID.name(), activity.id());
        variables.put(SERVICE_GROUP.name(), activity.serviceGroup());
        variables.put(CHILD_NAME.name(), child.fullName());
        variables.put(ACTIVITY_NAME.name(), activity.name() + " – " + registration.getPeriodLabel());
        variables.put(FAMILY_NAME.name(), family.name() + " (dossier n° " + family.number() + ")");
        return variables;
    }

    /** A recorded request's start, read now: its business key and variables, as {@link #register} gives them. */
    record ProcessStart(long registrationId, String businessKey, Map<String, Object> variables) {}

    /** The start of a request recorded without its process (the benchmark's engine-only starts). */
    @Transactional(readOnly = true)
    ProcessStart processStart(long registrationId) {
        Registration r = registrations.findById(registrationId).orElseThrow();
        FamilySummary family = families.find(r.getFamilyFileId()).orElseThrow();
        ChildSummary child = childOf(family, r.getChildId()).orElseThrow();
        ActivitySummary activity = activities.find(r.getActivityId()).orElseThrow();
        return new ProcessStart(r.getId(), businessKey(r, child), startVariables(r, family, child, activity));
    }

    /** « PRE-2026-000123 DUPONT Chloé »: the year of the request, its number, the child. */
    private String businessKey(Registration registration, ChildSummary child) {
        return BusinessKeys.of("PRE-" + today().getYear(), registration.getId(), child.lastName(), child.firstName());
    }

    /** The family withdraws a pending request: the process ends, no task is left. */
    void withdraw(long familyFileId, long registrationId) {
        Registration registration = registrations.findById(registrationId)
                .filter(r -> r.getFamilyFileId() == familyFileId)
                .orElseThrow(() -> new IllegalArgumentException("pré-inscription inconnue"));
        if (registration.getState() != RegistrationState.PENDING) {
            throw new RefusedRequest("Cette demande n'est plus en attente : elle ne peut plus être retirée.");
        }
        registration.withdraw(clock.instant());
        if (registration.getProcessInstanceId() != null) {
            for (int attempt = 1; ; attempt++) {
                try {
                    runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceId(registration.getProcessInstanceId()).correlateAll();
                    break;
                } catch (OptimisticLockingException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The service's decision, recorded by the process once the task is completed. */
    void decide(long registrationId, boolean approved, String reason, String by) {
        Registration registration = registrations.findById(registrationId).orElseThrow();
        if (approved) {
            registration.validate(by, clock.instant());
        } else {
            registration.refuse(reason.trim(), by, clock.instant());
        }
    }

    /** The read-only texts of the validation form: the facts to decide, read now from the modules that own them. */
    Map<String, Object> reviewTexts(long registrationId) {
        return reviewFacts.of(registrations.findById(registrationId).orElseThrow(), today());
    }

    /** Mails the family the decision (called by the asynchronous mail steps of the process). */
    @Transactional(readOnly = true)
    void mailDecision(long registrationId) {
        Registration r = registrations.findById(registrationId).orElseThrow();
        FamilySummary family = families.find(r.getFamilyFileId()).orElseThrow();
        ChildSummary child = family.children().stream().filter(c -> c.id() == r.getChildId()).findFirst().orElseThrow();
        ActivitySummary activity = activities.find(r.getActivityId()).orElseThrow();
        boolean validated = r.getState() == RegistrationState.VALIDATED;
        String subject = (validated ? "Pré-inscription validée : " : "Pré-inscription refusée : ") + activity.name() + " – " + child.firstName();
        Map<String, Object> model = Map.of("child", child.fullName(), "activity", activity.name(), "period", r.getPeriodLabel(),
                "days", Weekdays.labels(r.weekdaySet()), "reason", r.getReason() == null ? "" : r.getReason(), "validated", validated);
        for (String to : family.emails()) {
            mail.send(to, subject, "registration-decision", model);
        }
    }
}
