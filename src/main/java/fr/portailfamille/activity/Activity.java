package fr.portailfamille.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "activity")
class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String activityType;

    /** The Camunda group of the service that runs it (candidate group of its validation tasks). */
    @Column(nullable = false)
    private String serviceGroup;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingUnit bookingUnit;

    /** Weekdays it runs, e.g. {@code WEDNESDAY} or {@code MONDAY,TUESDAY,THURSDAY,FRIDAY}. */
    @Column(nullable = false)
    private String weekdays;

    @Column(nullable = false)
    private int capacityPerDay;

    private Integer minAge;
    private Integer maxAge;

    @Column(nullable = false)
    private boolean runsOnSchoolDays;

    @Column(nullable = false)
    private boolean runsOnWednesdays;

    @Column(nullable = false)
    private boolean runsOnHolidays;

    /** Booking/cancellation cut-off: {@code cutoffWorkingDays} working days before the day, at {@code cutoffTime} (Paris). */
    @Column(nullable = false)
    private int cutoffWorkingDays = 2;

    @Column(nullable = false)
    private LocalTime cutoffTime = LocalTime.NOON;

    /** Document types required before validation, comma-separated (names of {@code family.DocumentType}, e.g. {@code QUOTIENT_FAMILIAL,ASSURANCE}). */
    @Column(nullable = false)
    private String requiredDocuments = "";

    /** Billing on attendance: a justified absence billed or not, after how many « jours de carence ». */
    @Column(nullable = false)
    private boolean billJustifiedAbsence;

    @Column(nullable = false)
    private int waitingDays;

    @Column(nullable = false)
    private boolean billUnjustifiedAbsence = true;

    @Column(nullable = false)
    private boolean billLateCancellation = true;

    /** Added to the day's price for a child present without a booking. */
    @Column(nullable = false)
    private java.math.BigDecimal unbookedSurcharge = java.math.BigDecimal.ZERO;

    protected Activity() {}

    Activity(String code, String name, String activityType, String serviceGroup, String description,
            BookingUnit bookingUnit, Set<DayOfWeek> weekdays, int capacityPerDay, Integer minAge, Integer maxAge) {
        this.code = code;
        this.name = name;
        this.activityType = activityType;
        this.serviceGroup = serviceGroup;
        this.description = description;
        this.bookingUnit = bookingUnit;
        this.weekdays = weekdays.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.capacityPerDay = capacityPerDay;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** Everything a service can change; the code never changes. */
    void update(ActivityForm form) {
        this.name = form.getName().trim();
        this.activityType = form.getActivityType().trim();
        this.serviceGroup = form.getServiceGroup();
        this.description = form.getDescription() == null || form.getDescription().isBlank() ? null : form.getDescription().trim();
        this.bookingUnit = form.getBookingUnit();
        this.weekdays = form.getWeekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.capacityPerDay = form.getCapacityPerDay();
        this.minAge = form.getMinAge();
        this.maxAge = form.getMaxAge();
        this.runsOnSchoolDays = form.isRunsOnSchoolDays();
        this.runsOnWednesdays = form.isRunsOnWednesdays();
        this.runsOnHolidays = form.isRunsOnHolidays();
        this.cutoffWorkingDays = form.getCutoffWorkingDays();
        this.cutoffTime = form.getCutoffTime();
        this.requiredDocuments = String.join(",", form.getRequiredDocuments());
        this.billJustifiedAbsence = form.isBillJustifiedAbsence();
        this.waitingDays = form.getWaitingDays();
        this.billUnjustifiedAbsence = form.isBillUnjustifiedAbsence();
        this.billLateCancellation = form.isBillLateCancellation();
        this.unbookedSurcharge = form.surchargeAmount();
    }

    AttendanceBillingRule attendanceRule() {
        return new AttendanceBillingRule(billJustifiedAbsence, waitingDays, billUnjustifiedAbsence, billLateCancellation,
                unbookedSurcharge);
    }

    void runsOn(boolean schoolDays, boolean wednesdays, boolean holidays) {
        this.runsOnSchoolDays = schoolDays;
        this.runsOnWednesdays = wednesdays;
        this.runsOnHolidays = holidays;
    }

    void requireDocuments(List<String> types) {
        this.requiredDocuments = String.join(",", types);
    }

    List<String> requiredDocumentList() {
        return requiredDocumentList(requiredDocuments);
    }

    /** The required documents as the column stores them (« LIVRET_FAMILLE,FICHE_SANITAIRE »). */
    static List<String> requiredDocumentList(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    Set<DayOfWeek> weekdaySet() {
        return Weekdays.parse(weekdays);
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    String getActivityType() { return activityType; }
    String getServiceGroup() { return serviceGroup; }
    String getDescription() { return description; }
    BookingUnit getBookingUnit() { return bookingUnit; }
    int getCapacityPerDay() { return capacityPerDay; }
    Integer getMinAge() { return minAge; }
    Integer getMaxAge() { return maxAge; }
    boolean isRunsOnSchoolDays() { return runsOnSchoolDays; }
    boolean isRunsOnWednesdays() { return runsOnWednesdays; }
    boolean isRunsOnHolidays() { return runsOnHolidays; }
    int getCutoffWorkingDays() { return cutoffWorkingDays; }
    LocalTime getCutoffTime() { return cutoffTime; }
}
