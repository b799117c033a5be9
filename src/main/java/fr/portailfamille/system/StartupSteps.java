package fr.portailfamille.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * What the start-up spends its time on, when asked ({@code PORTAL_STARTUP_STEPS=true}, or the system
 * property {@code portal.startup-steps=true}): Spring records each step of the start (bean creations,
 * context refresh, …, {@link BufferingApplicationStartup}) and, once the portal is ready, the
 * {@value #TOP} steps that took longest by themselves (their own time, their sub-steps' taken out)
 * are logged. Off by default: recording costs a little memory and time.
 */
public final class StartupSteps {

    static final int TOP = 10;
    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private StartupSteps() {}

    /** Turns the recording on for this application if asked to. */
    public static void recordIfAsked(SpringApplication application) {
        String asked = System.getProperty("portal.startup-steps", System.getenv("PORTAL_STARTUP_STEPS"));
        if (!"true".equalsIgnoreCase(asked)) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> report(startup.getBufferedTimeline()));
    }

    /** One step and its own time. */
    record Step(String name, String detail, Duration own) {}

    static List<Step> slowest(StartupTimeline timeline, int count) {
        Map<Long, Duration> childrenTime = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childrenTime.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
            StartupStep step = event.getStartupStep();
            Duration own = event.getDuration().minus(childrenTime.getOrDefault(step.getId(), Duration.ZERO));
            String detail = StreamSupport.stream(step.getTags().spliterator(), false)
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", "));
            steps.add(new Step(step.getName(), detail, own));
        }
        steps.sort(Comparator.comparing(Step::own).reversed());
        return steps.subList(0, Math.min(count, steps.size()));
    }

    private static void report(StartupTimeline timeline) {
        StringBuilder report = new StringBuilder("Démarrage : les " + TOP + " étapes les plus longues (temps propre)");
        for (Step step : slowest(timeline, TOP)) {
            report.append(String.format("%n  %6d ms  %s  %s", step.own().toMillis(), step.name(), step.detail()));
        }
        log.info("{}", report);
    }
}
