package fr.portailfamille.staff;

import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's one clock, in French time: the process engine's clock ({@link ClockUtil}, the real
 * time unless a test sets it). Cut-offs, timers' due dates, retention and dates on pages all ask
 * this bean, so a process test that moves the engine's time with {@code ClockUtil.setCurrentTime}
 * moves every « now » of the portal with it: there is no second clock to keep in step.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new EngineClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Configuration(proxyBeanMethods = false)
    static class Definition {

        @Bean
        Clock clock() {
            return new EngineClock(PortalTime.ZONE);
        }
    }
}
