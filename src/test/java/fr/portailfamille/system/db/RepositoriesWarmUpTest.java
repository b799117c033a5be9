package fr.portailfamille.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.repository.Repository;

/**
 * The repositories, made on first use, are all made once the portal is ready; one that cannot be made
 * takes the node out of service instead of failing the families' requests one by one.
 */
class RepositoriesWarmUpTest extends PortalIntegrationTest {

    @Autowired
    ConfigurableApplicationContext portal;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void everyRepositoryOfThePortalIsMadeAndTheNodeStaysReady() {
        int declared = portal.getBeanNamesForType(Repository.class, true, false).length;
        assertThat(declared).as("the portal's repositories (accounts, families, registrations, payments…)").isGreaterThanOrEqualTo(8);
        assertThat(RepositoriesWarmUp.makeAll(portal)).isEqualTo(declared);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    /** A repository whose making fails: the node's readiness refuses traffic. */
    interface BrokenRepository extends Repository<Object, Long> {}

    @Test
    void aRepositoryThatCannotBeMadeTakesTheNodeOutOfService() {
        try (GenericApplicationContext node = new GenericApplicationContext()) {
            node.registerBean(ApplicationAvailabilityBean.class);
            node.registerBean("brokenRepository", BrokenRepository.class, () -> {
                throw new IllegalStateException("requête refusée par le schéma");
            }, definition -> definition.setLazyInit(true));
            node.refresh();
            ApplicationAvailability nodeAvailability = node.getBean(ApplicationAvailability.class);
            assertThat(RepositoriesWarmUp.makeAll(node)).isEqualTo(-1);
            assertThat(nodeAvailability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
