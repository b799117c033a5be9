package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL mappings read on a thread of their own from the application's start: the engine runs on
 * them, with its own settings, and they are the ones it would read itself.
 */
class EngineMappingsInBackgroundTest extends PortalIntegrationTest {

    @Test
    void theEngineRunsOnTheMappingsReadInTheBackgroundWithItsOwnSettings() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(engine.getSqlSessionFactory()).isInstanceOf(EngineMappingsInBackground.AwaitedSessionFactory.class);
        Configuration used = engine.getSqlSessionFactory().getConfiguration();
        assertThat(used.getEnvironment().getDataSource()).isSameAs(engine.getDataSource());
        assertThat(used.getEnvironment().getTransactionFactory()).isSameAs(engine.getTransactionFactory());
        assertThat(used.getDefaultExecutorType()).isEqualTo(engine.isJdbcBatchProcessing() ? ExecutorType.BATCH : ExecutorType.SIMPLE);

        Configuration readByTheEngine = EngineMappingsInBackground.read(engine.getDatabaseType(), engine.getDatabaseTablePrefix());
        assertThat(used.getMappedStatementNames()).containsExactlyInAnyOrderElementsOf(readByTheEngine.getMappedStatementNames());
        assertThat(used.getMappedStatement("selectTask").getBoundSql(null).getSql())
                .isEqualTo(readByTheEngine.getMappedStatement("selectTask").getBoundSql(null).getSql());
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
    }

    @Test
    void theDatabaseTypeExpectedIsPostgresUnlessConfiguredOrAnotherUrl() {
        assertThat(EngineMappingsInBackground.expectedDatabaseType(null, null)).isEqualTo("postgres");
        assertThat(EngineMappingsInBackground.expectedDatabaseType("", "jdbc:postgresql://db:5432/portail")).isEqualTo("postgres");
        assertThat(EngineMappingsInBackground.expectedDatabaseType("h2", "jdbc:postgresql://db:5432/portail")).isEqualTo("h2");
        assertThat(EngineMappingsInBackground.expectedDatabaseType(null, "jdbc:h2:mem:portail")).isNull();
    }
}
