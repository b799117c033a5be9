package fr.portailfamille.system.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The data repositories are made on first use ({@code spring.data.jpa.repositories.bootstrap-mode:
 * lazy}): making them checks their queries with two HQL parsers that warm up slowly, a quarter of the
 * start's time on the main thread. Once the portal is ready, one background thread makes them all,
 * so that the first families do not wait for it (a request needing a repository before then waits
 * for that one only). A repository that cannot be made (a query the schema refuses) takes the node
 * out of service: its readiness refuses traffic, the reason in the log.
 */
@Component
class RepositoriesWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(RepositoriesWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Thread thread = new Thread(() -> makeAll(context), "depots-de-donnees");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes every repository of the context; the number made, or -1 (and traffic refused) on a failure. */
    static int makeAll(ConfigurableApplicationContext context) {
        long start = System.nanoTime();
        try {
            int count = context.getBeansOfType(Repository.class).size();
            log.info("{} dépôts de données prêts en {} ms", count, (System.nanoTime() - start) / 1_000_000);
            return count;
        } catch (RuntimeException e) {
            if (!context.isActive()) {
                return 0; // the application stops meanwhile: nothing to report
            }
            log.error("Un dépôt de données ne peut pas être créé : ce nœud refuse désormais le trafic", e);
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            return -1;
        }
    }
}
