package fr.portailfamille.system.export;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One module's part of a family's data export (« Télécharger mes données »): what the module keeps
 * about one family file, never another family's, never secrets (password or token hashes) nor file
 * contents (documents and attachments are listed, not included). Each module declares its own
 * section as a bean (a subclass listing its queries); the portal gathers them.
 */
public class FamilyDataSection {

    /** One list of the section: its name in the export and the query of its rows (one {@code ?}: the family file id). */
    public record Query(String name, String sql) {}

    private final JdbcClient jdbc;
    private final String key;
    private final int order;
    private final List<Query> queries;

    protected FamilyDataSection(JdbcClient jdbc, String key, int order, Query... queries) {
        this.jdbc = jdbc;
        this.key = key;
        this.order = order;
        this.queries = List.of(queries);
    }

    /** The key of the section in the export, e.g. {@code "facturation"}. */
    public String key() {
        return key;
    }

    /** The position of the section in the export (the module order of the demo data). */
    public int order() {
        return order;
    }

    /** The module's data of the family file, list by list. */
    public Map<String, Object> of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        queries.forEach(q -> data.put(q.name(), rows(jdbc, q.sql(), familyFileId)));
        return data;
    }

    /**
     * The rows of a query about one family file (its single {@code ?} parameter), dates and times
     * written in ISO 8601 so the export reads the same in any tool.
     */
    static List<Map<String, Object>> rows(JdbcClient jdbc, String sql, long familyFileId) {
        return jdbc.sql(sql).param(familyFileId).query().listOfRows().stream().map(FamilyDataSection::readable).toList();
    }

    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(column, readable(value)));
        return out;
    }

    private static Object readable(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        return value;
    }
}
