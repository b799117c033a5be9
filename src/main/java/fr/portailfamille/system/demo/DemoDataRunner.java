package fr.portailfamille.system.demo;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads every module's demo data, in order, each loader in its own transaction. */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final List<DemoDataLoader> loaders;
    private final TransactionTemplate transaction;

    DemoDataRunner(List<DemoDataLoader> loaders, TransactionTemplate transaction) {
        this.loaders = loaders;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        loaders.stream().sorted(Comparator.comparingInt(DemoDataLoader::order)).forEach(loader -> {
            transaction.executeWithoutResult(status -> loader.load());
            log.info("Données de démonstration : {} vérifiées", loader.getClass().getSimpleName());
        });
    }
}
