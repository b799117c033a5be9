package fr.portailfamille.system.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The town's calendar: public holidays from Jollyday, zone B school holidays from the data file, working days. */
class TownCalendarTest {

    private final TownCalendar calendar = new TownCalendar(Clock.system(PortalTime.ZONE));

    @Test
    void frenchPublicHolidaysOf2026And2027IncludeEasterAndWhitMonday() {
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 4, 6))).as("lundi de Pâques 2026").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 3, 29))).as("lundi de Pâques 2027").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 25))).as("lundi de Pentecôte 2026").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 5, 17))).as("lundi de Pentecôte 2027").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 14))).as("Ascension 2026").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 7, 14))).as("14 juillet").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 11, 11))).as("11 novembre").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 4, 7))).as("lendemain du lundi de Pâques").isFalse();
    }

    @Test
    void zoneBSchoolHolidaysComeFromTheDataFile() {
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 13))).as("vendredi avant les vacances d'hiver").isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.schoolHoliday(LocalDate.of(2026, 2, 20)).orElseThrow().label()).isEqualTo("Vacances d'hiver");
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 3, 2))).as("jour de reprise").isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 4, 20))).as("printemps zone B").isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2025, 12, 24))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 8, 15))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 10, 20))).as("Toussaint 2026").isTrue();
        assertThat(calendar.schoolHolidays()).extracting(TownCalendar.SchoolHoliday::schoolYear).contains("2025-2026", "2026-2027");
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 2, 16))).as("lundi des vacances").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("la mairie travaille pendant les vacances").isTrue();
    }

    @Test
    void workingDayArithmeticSkipsWeekendsAndPublicHolidays() {
        // Thursday 2 April 2026 + 2 working days: Friday 3, (weekend, Easter Monday 6) Tuesday 7
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
        // Friday + 1 = Monday
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        // two working days before Tuesday 7 April 2026: Friday 3 and Thursday 2 → Thursday 2
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 4, 7), 2)).isEqualTo(LocalDate.of(2026, 4, 2));
        ZonedDateTime cutOff = calendar.cutOff(LocalDate.of(2026, 4, 7), 2, LocalTime.NOON);
        assertThat(cutOff).isEqualTo(LocalDate.of(2026, 4, 2).atTime(12, 0).atZone(PortalTime.ZONE));
        // escalation: five working days after Wednesday 20 May 2026 10:00 (Whit Monday 25 is off) → Thursday 28 May 10:00
        ZonedDateTime escalation = calendar.plusWorkingDays(LocalDate.of(2026, 5, 20).atTime(10, 0).atZone(PortalTime.ZONE), 5);
        assertThat(escalation.toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(escalation.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 25))).isFalse();
    }

    @Test
    void frenchPublicHolidaysAreNotWorkingDays() {
        // Thursday 7 May 2026 + 1 = Monday 11 May (Friday 8 May: Victoire 1945)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 5, 7), 1)).isEqualTo(LocalDate.of(2026, 5, 11));
        // Wednesday 13 May 2026 + 1 = Friday 15 May (Thursday 14 May: Ascension)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 5, 13), 1)).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 2), 5)).as("Friday + 5 = next Friday").isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void theDayItselfIsNeverCountedAndZeroWorkingDaysIsTheDayItself() {
        LocalDate saturday = LocalDate.of(2026, 10, 3);
        LocalDate wednesday = LocalDate.of(2026, 10, 7);
        // n = 0: nothing to wait for, whatever the day
        assertThat(calendar.plusWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThat(calendar.plusWorkingDays(wednesday, 0)).isEqualTo(wednesday);
        assertThat(calendar.minusWorkingDays(saturday, 0)).isEqualTo(saturday);
        // from a weekend, the first working day after it is the first one counted
        assertThat(calendar.plusWorkingDays(saturday, 1)).as("Saturday + 1 = Monday").isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(calendar.plusWorkingDays(saturday, 5)).as("Saturday + 5 = Friday").isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.minusWorkingDays(saturday, 1)).as("Saturday - 1 = Friday").isEqualTo(LocalDate.of(2026, 10, 2));
        assertThatThrownBy(() -> calendar.plusWorkingDays(wednesday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimersDueDateIsCountedFromTheClockAtTheSameTimeOfDay() {
        Clock thursday = Clock.fixed(ZonedDateTime.of(2026, 5, 7, 10, 30, 0, 0, PortalTime.ZONE).toInstant(), PortalTime.ZONE);

        ZonedDateTime due = new TownCalendar(thursday).afterWorkingDays(3).toInstant().atZone(PortalTime.ZONE);

        // Friday 8 May is a public holiday: Monday 11, Tuesday 12, Wednesday 13
        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 5, 13, 10, 30, 0, 0, PortalTime.ZONE));
    }
}
