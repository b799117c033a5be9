package fr.portailfamille.activity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The town's calendar: public holidays from Jollyday, zone B school holidays from the data file, working days. */
class SchoolCalendarTest {

    private final SchoolCalendar calendar = new SchoolCalendar();

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
        assertThat(calendar.schoolHolidays()).extracting(SchoolCalendar.SchoolHoliday::schoolYear).contains("2025-2026", "2026-2027");
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
}
