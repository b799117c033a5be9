package fr.portailfamille.registration;

import fr.portailfamille.activity.Weekdays;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "registration")
class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long familyFileId;

    @Column(nullable = false)
    private long childId;

    @Column(nullable = false)
    private long activityId;

    @Column(nullable = false)
    private String weekdays;

    @Column(nullable = false)
    private String periodLabel;

    @Column(nullable = false)
    private LocalDate validFrom;

    @Column(nullable = false)
    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationState state;

    private String reason;
    private String processInstanceId;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant decidedAt;
    private String decidedBy;

    protected Registration() {}

    Registration(long familyFileId, long childId, long activityId, Set<DayOfWeek> weekdays, String periodLabel,
            LocalDate validFrom, LocalDate validTo, RegistrationState state, Instant now) {
        this.familyFileId = familyFileId;
        this.childId = childId;
        this.activityId = activityId;
        this.weekdays = weekdays.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.periodLabel = periodLabel;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.state = state;
        this.createdAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void validate(String by, Instant now) {
        requirePending();
        this.state = RegistrationState.VALIDATED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    void refuse(String reason, String by, Instant now) {
        requirePending();
        this.state = RegistrationState.REFUSED;
        this.reason = reason;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    void withdraw(Instant now) {
        requirePending();
        this.state = RegistrationState.WITHDRAWN;
        this.decidedAt = now;
    }

    private void requirePending() {
        if (state != RegistrationState.PENDING) {
            throw new IllegalStateException("la pré-inscription " + id + " n'est plus en attente (" + state + ")");
        }
    }

    Set<DayOfWeek> weekdaySet() {
        return Weekdays.parse(weekdays);
    }

    Long getId() { return id; }
    long getFamilyFileId() { return familyFileId; }
    long getChildId() { return childId; }
    long getActivityId() { return activityId; }
    String getPeriodLabel() { return periodLabel; }
    LocalDate getValidFrom() { return validFrom; }
    LocalDate getValidTo() { return validTo; }
    RegistrationState getState() { return state; }
    String getReason() { return reason; }
    String getProcessInstanceId() { return processInstanceId; }
    Instant getCreatedAt() { return createdAt; }
    String getDecidedBy() { return decidedBy; }
}
