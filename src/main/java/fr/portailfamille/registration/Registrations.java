package fr.portailfamille.registration;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.Weekdays;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's public service: the validated registrations the planning books
 * against, and a family's registration lines for « Mon dossier » (fragment
 * {@code registration/fragments :: lines(lines)}).
 */
@Service
@Transactional(readOnly = true)
public class Registrations {

    private final RegistrationRepository registrations;
    private final FamilyFiles families;
    private final Activities activities;
    private final JdbcClient jdbc;

    Registrations(RegistrationRepository registrations, FamilyFiles families, Activities activities, JdbcClient jdbc) {
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.families = families;
        this.activities = activities;
    }

    /** The validated registrations of a child: the activities and weekdays that can be booked, and when. */
    public List<RegistrationSummary> validatedOfChild(long childId) {
        return registrations.findByChildIdAndState(childId, RegistrationState.VALIDATED).stream().map(Registrations::summary).toList();
    }

    /** The validated registrations of several children, in one query. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<RegistrationSummary> validatedOfChildren(Collection<Long> childIds) {
        // read on every planning page and booking save: one statement, no entity, no transaction of its own
        return childIds.isEmpty() ? List.of() : jdbc.sql("""
                select id, family_file_id, child_id, activity_id, weekdays, valid_from, valid_to
                from registration where child_id = any(?) and state = ?""")
                .params(childIds.toArray(Long[]::new), RegistrationState.VALIDATED.name())
                .query((rs, n) -> new RegistrationSummary(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"),
                        rs.getLong("activity_id"), Weekdays.parse(rs.getString("weekdays")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** The validated registrations of every child of a family file. */
    public List<RegistrationSummary> validatedOfFamily(long familyFileId) {
        return registrations.findByFamilyFileIdAndState(familyFileId, RegistrationState.VALIDATED).stream().map(Registrations::summary).toList();
    }

    /** Every registration of a family file (withdrawn ones left out), newest first, ready to show. */
    public List<RegistrationLine> linesOfFamily(long familyFileId) {
        return families.find(familyFileId).map(family -> linesOfFamily(family, activities.all())).orElse(List.of());
    }

    /** The same, for a family and a catalogue already read (« Mes inscriptions »). */
    List<RegistrationLine> linesOfFamily(FamilySummary family, List<ActivitySummary> activityList) {
        Map<Long, ChildSummary> children = family.children().stream().collect(Collectors.toMap(ChildSummary::id, Function.identity()));
        Map<Long, ActivitySummary> catalogue = activityList.stream().collect(Collectors.toMap(ActivitySummary::id, Function.identity()));
        return registrations.findByFamilyFileIdOrderByCreatedAtDesc(family.id()).stream()
                .filter(r -> r.getState() != RegistrationState.WITHDRAWN)
                .map(r -> new RegistrationLine(r.getId(),
                        children.containsKey(r.getChildId()) ? children.get(r.getChildId()).fullName() : "",
                        catalogue.containsKey(r.getActivityId()) ? catalogue.get(r.getActivityId()).name() : "",
                        Weekdays.labels(r.weekdaySet()), r.getPeriodLabel(), r.getState(), r.getReason()))
                .toList();
    }

    /**
     * The children of the family with a registration (pending, validated or refused: the service has
     * had to decide on it) in an activity of these services.
     */
    public Set<Long> childrenRegisteredWith(long familyFileId, Collection<String> serviceGroups) {
        if (serviceGroups.isEmpty()) {
            return Set.of();
        }
        Set<Long> activityIds = activities.all().stream().filter(a -> serviceGroups.contains(a.serviceGroup()))
                .map(ActivitySummary::id).collect(Collectors.toSet());
        return registrations.findByFamilyFileIdOrderByCreatedAtDesc(familyFileId).stream()
                .filter(r -> r.getState() != RegistrationState.WITHDRAWN && activityIds.contains(r.getActivityId()))
                .map(Registration::getChildId).collect(Collectors.toSet());
    }

    static RegistrationSummary summary(Registration r) {
        return new RegistrationSummary(r.getId(), r.getFamilyFileId(), r.getChildId(), r.getActivityId(), r.weekdaySet(),
                r.getValidFrom(), r.getValidTo());
    }
}
