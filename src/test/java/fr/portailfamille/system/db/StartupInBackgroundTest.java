package fr.portailfamille.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Hibernate's entity manager factory is built beside the main thread (the engine's SQL mappings too:
 * {@code staff.EngineMappingsInBackgroundTest}); the portal runs on it as before.
 */
class StartupInBackgroundTest extends PortalIntegrationTest {

    @Autowired
    ApplicationContext portal;

    @Test
    void hibernateIsBuiltOnAThreadOfItsOwn() {
        AbstractEntityManagerFactoryBean factory = portal.getBean("&entityManagerFactory", AbstractEntityManagerFactoryBean.class);
        assertThat(factory.getBootstrapExecutor()).isNotNull();
        assertThat(factory.getNativeEntityManagerFactory().isOpen()).isTrue();
    }
}
