package db.migration;

import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The HTTP session tables, created from the schema Spring Session JDBC ships, so sessions live in
 * PostgreSQL: they survive a restart and every node of a cluster sees them.
 */
public class V1_1__SpringSessionTables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        Connection connection = context.getConnection();
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/session/jdbc/schema-postgresql.sql"));
    }
}
