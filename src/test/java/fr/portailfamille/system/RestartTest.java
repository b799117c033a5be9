package fr.portailfamille.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.SecondApplication;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The zero-setup run keeps its data in a folder: stopping and starting again finds everything,
 * and the demo data is not loaded twice.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsTheDataAndDoesNotDuplicateTheDemo() {
        Map<String, Long> first;
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            first = counts(jdbc);
            jdbc.update("insert into family_file (number, name) values ('999001', 'MARTIN')");
            assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(5);
        }
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, Long> second = counts(jdbc);
            assertThat(second.get("families")).as("the family added before the restart is still there")
                    .isEqualTo(first.get("families") + 1);
            assertThat(second.get("children")).isEqualTo(first.get("children"));
            assertThat(second.get("accounts")).isEqualTo(first.get("accounts"));
            assertThat(second.get("activities")).isEqualTo(first.get("activities"));
            assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from act_ru_filter", Long.class)).isEqualTo(5);
        }
        assertThat(first.get("families")).isEqualTo(2);
        assertThat(first.get("children")).isEqualTo(4);
        assertThat(first.get("accounts")).isEqualTo(1);
        assertThat(first.get("activities")).isEqualTo(4);
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments outrank the environment: this test always uses its own embedded folder
        return SecondApplication.start(
                "--spring.profiles.active=test,demo",
                "--spring.datasource.url=",
                "--portal.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "--server.port=0");
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        return Map.of(
                "families", jdbc.queryForObject("select count(*) from family_file", Long.class),
                "children", jdbc.queryForObject("select count(*) from child", Long.class),
                "accounts", jdbc.queryForObject("select count(*) from portal_account", Long.class),
                "activities", jdbc.queryForObject("select count(*) from activity", Long.class));
    }
}
