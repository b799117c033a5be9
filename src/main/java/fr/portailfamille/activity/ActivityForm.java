package fr.portailfamille.activity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** What a service types to create or edit an activity (checked by {@link Catalogue#validate}). */
class ActivityForm {

    private String code;
    private String name;
    private String activityType;
    private String serviceGroup;
    private String description;
    private BookingUnit bookingUnit = BookingUnit.DAY;
    private Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    private Integer capacityPerDay;
    private Integer minAge;
    private Integer maxAge;
    private boolean runsOnSchoolDays;
    private boolean runsOnWednesdays;
    private boolean runsOnHolidays;
    private Integer cutoffWorkingDays = 2;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime cutoffTime = LocalTime.NOON;
    private List<String> requiredDocuments = new ArrayList<>();
    private boolean billJustifiedAbsence = AttendanceBillingRule.DEFAULT.billJustifiedAbsence();
    private Integer waitingDays = AttendanceBillingRule.DEFAULT.waitingDays();
    private boolean billUnjustifiedAbsence = AttendanceBillingRule.DEFAULT.billUnjustifiedAbsence();
    private boolean billLateCancellation = AttendanceBillingRule.DEFAULT.billLateCancellation();
    private String unbookedSurcharge = euros(AttendanceBillingRule.DEFAULT.unbookedSurcharge());

    static ActivityForm of(Activity a) {
        ActivityForm f = new ActivityForm();
        f.code = a.getCode();
        f.name = a.getName();
        f.activityType = a.getActivityType();
        f.serviceGroup = a.getServiceGroup();
        f.description = a.getDescription();
        f.bookingUnit = a.getBookingUnit();
        f.weekdays = a.weekdaySet();
        f.capacityPerDay = a.getCapacityPerDay();
        f.minAge = a.getMinAge();
        f.maxAge = a.getMaxAge();
        f.runsOnSchoolDays = a.isRunsOnSchoolDays();
        f.runsOnWednesdays = a.isRunsOnWednesdays();
        f.runsOnHolidays = a.isRunsOnHolidays();
        f.cutoffWorkingDays = a.getCutoffWorkingDays();
        f.cutoffTime = a.getCutoffTime();
        f.requiredDocuments = new ArrayList<>(a.requiredDocumentList());
        AttendanceBillingRule rule = a.attendanceRule();
        f.billJustifiedAbsence = rule.billJustifiedAbsence();
        f.waitingDays = rule.waitingDays();
        f.billUnjustifiedAbsence = rule.billUnjustifiedAbsence();
        f.billLateCancellation = rule.billLateCancellation();
        f.unbookedSurcharge = euros(rule.unbookedSurcharge());
        return f;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getActivityType() { return activityType; }
    public void setActivityType(String activityType) { this.activityType = activityType; }
    public String getServiceGroup() { return serviceGroup; }
    public void setServiceGroup(String serviceGroup) { this.serviceGroup = serviceGroup; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BookingUnit getBookingUnit() { return bookingUnit; }
    public void setBookingUnit(BookingUnit bookingUnit) { this.bookingUnit = bookingUnit; }
    public Set<DayOfWeek> getWeekdays() { return weekdays; }
    /** The days ticked; an empty or unknown value sent for a day (a forged form) is no day. */
    public void setWeekdays(Set<DayOfWeek> weekdays) {
        this.weekdays = EnumSet.noneOf(DayOfWeek.class);
        if (weekdays != null) {
            weekdays.stream().filter(java.util.Objects::nonNull).forEach(this.weekdays::add);
        }
    }
    public Integer getCapacityPerDay() { return capacityPerDay; }
    public void setCapacityPerDay(Integer capacityPerDay) { this.capacityPerDay = capacityPerDay; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public boolean isRunsOnSchoolDays() { return runsOnSchoolDays; }
    public void setRunsOnSchoolDays(boolean v) { this.runsOnSchoolDays = v; }
    public boolean isRunsOnWednesdays() { return runsOnWednesdays; }
    public void setRunsOnWednesdays(boolean v) { this.runsOnWednesdays = v; }
    public boolean isRunsOnHolidays() { return runsOnHolidays; }
    public void setRunsOnHolidays(boolean v) { this.runsOnHolidays = v; }
    public Integer getCutoffWorkingDays() { return cutoffWorkingDays; }
    public void setCutoffWorkingDays(Integer v) { this.cutoffWorkingDays = v; }
    public LocalTime getCutoffTime() { return cutoffTime; }
    public void setCutoffTime(LocalTime cutoffTime) { this.cutoffTime = cutoffTime; }
    public List<String> getRequiredDocuments() { return requiredDocuments; }
    public void setRequiredDocuments(List<String> v) { this.requiredDocuments = v == null ? new ArrayList<>() : v; }
    public boolean isBillJustifiedAbsence() { return billJustifiedAbsence; }
    public void setBillJustifiedAbsence(boolean v) { this.billJustifiedAbsence = v; }
    public Integer getWaitingDays() { return waitingDays; }
    public void setWaitingDays(Integer v) { this.waitingDays = v; }
    public boolean isBillUnjustifiedAbsence() { return billUnjustifiedAbsence; }
    public void setBillUnjustifiedAbsence(boolean v) { this.billUnjustifiedAbsence = v; }
    public boolean isBillLateCancellation() { return billLateCancellation; }
    public void setBillLateCancellation(boolean v) { this.billLateCancellation = v; }
    public String getUnbookedSurcharge() { return unbookedSurcharge; }
    public void setUnbookedSurcharge(String v) { this.unbookedSurcharge = v; }

    /** The surcharge as typed (« 2,50 »), null when it is not an amount. */
    java.math.BigDecimal surchargeAmount() {
        return TariffForm.Row.amount(unbookedSurcharge);
    }

    private static String euros(java.math.BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
