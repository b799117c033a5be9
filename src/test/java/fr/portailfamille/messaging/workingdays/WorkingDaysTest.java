package fr.portailfamille.messaging.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Working days: Monday to Friday, French public holidays excepted. */
class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays(Clock.system(PortalTime.ZONE));

    @Test
    void weekendsAreSkipped() {
        // Friday 2 October 2026 + 1 working day = Monday 5 October
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 10, 2), 1)).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 10, 2), 5)).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void frenchPublicHolidaysAreSkipped() {
        // Thursday 7 May 2026 + 1 = Monday 11 May (Friday 8 May: Victoire 1945)
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 5, 7), 1)).isEqualTo(LocalDate.of(2026, 5, 11));
        // Wednesday 13 May 2026 + 1 = Friday 15 May (Thursday 14 May: Ascension)
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 5, 13), 1)).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void theDueDateKeepsTheTimeOfDay() {
        Clock thursday = Clock.fixed(ZonedDateTime.of(2026, 5, 7, 10, 30, 0, 0, PortalTime.ZONE).toInstant(), PortalTime.ZONE);

        ZonedDateTime due = new WorkingDays(thursday).dueDate(3).toInstant().atZone(PortalTime.ZONE);

        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 5, 13, 10, 30, 0, 0, PortalTime.ZONE));
    }
}
