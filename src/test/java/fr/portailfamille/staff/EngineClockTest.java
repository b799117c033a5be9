package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.calendar.TownCalendar;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One clock: the portal's {@link Clock} is the process engine's, so a test moving the engine's time moves every due date. */
class EngineClockTest {

    private final Clock clock = new EngineClock.Definition().clock();

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theClockFollowsTheEnginesClockInFrenchTime() {
        ZonedDateTime saturday = ZonedDateTime.of(2026, 10, 3, 9, 15, 0, 0, PortalTime.ZONE);
        ClockUtil.setCurrentTime(Date.from(saturday.toInstant()));

        assertThat(clock.instant()).isEqualTo(saturday.toInstant());
        assertThat(ZonedDateTime.now(clock)).isEqualTo(saturday);
        // a timer of 5 working days started on that Saturday falls on Friday at the same hour
        assertThat(new TownCalendar(clock).afterWorkingDays(5).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 10, 9, 9, 15, 0, 0, PortalTime.ZONE).toInstant());

        ClockUtil.reset();
        assertThat(clock.instant()).isBetween(java.time.Instant.now().minusSeconds(5), java.time.Instant.now().plusSeconds(5));
    }
}
