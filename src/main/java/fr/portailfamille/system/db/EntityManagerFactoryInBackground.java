package fr.portailfamille.system.db;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Hibernate's entity manager factory is built on a thread of its own while the start goes on: the
 * factory handed to the rest of the portal at once is a proxy that waits for the build at its first
 * real use, the first transaction (the process engine's first command, which comes after the engine
 * has read its MyBatis mappings and made its services: the two overlap on the two cores). Spring
 * Boot does the same by itself with lazy repositories when the context has a single task executor,
 * or one named {@code applicationTaskExecutor}; the portal has several (mails, Camunda's jobs) and
 * none of that name. A factory that cannot be built fails that first transaction, and so the start,
 * as it would have failed the start before.
 */
@Configuration(proxyBeanMethods = false)
class EntityManagerFactoryInBackgroundConfiguration {

    @Bean
    static BeanPostProcessor entityManagerFactoryInBackground() {
        return new EntityManagerFactoryInBackground();
    }
}

/** Gives the entity manager factory bean a bootstrap executor before it builds the factory. */
class EntityManagerFactoryInBackground implements BeanPostProcessor {

    static final String THREAD_PREFIX = "jpa-demarrage-";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractEntityManagerFactoryBean factory && factory.getBootstrapExecutor() == null) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(THREAD_PREFIX);
            executor.setDaemon(true);
            factory.setBootstrapExecutor(executor);
        }
        return bean;
    }
}
