package fr.portailfamille.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day sheets and their entries in PostgreSQL. An entry is one row per child and sheet, written
 * with {@code INSERT … ON CONFLICT}: agents ticking different children never touch the same row,
 * the same child ticked twice keeps the last entry, and every write leaves a line in the audit
 * trail. A write takes the sheet's row in share mode and closing takes it exclusively, so an entry
 * is either before the closing or marked as a correction after it.
 */
@Repository
class SheetStore {

    enum SheetState { OPEN, CLOSED }

    record Sheet(long id, long activityId, LocalDate day, SheetState state, String closedBy, Instant closedAt) {
        boolean closed() {
            return state == SheetState.CLOSED;
        }
    }

    record Entry(long childId, long familyFileId, AttendanceStatus status, LocalTime arrival, LocalTime departure,
            String recordedBy, Instant recordedAt, int version) {}

    record AuditLine(long childId, AttendanceStatus before, AttendanceStatus after, LocalTime arrival, LocalTime departure,
            String actor, Instant at, boolean afterClosing) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SheetStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Sheet> find(long activityId, LocalDate day) {
        return jdbc.sql("select * from attendance_sheet where activity_id = ? and day = ?").params(activityId, day)
                .query(SheetStore::sheet).optional();
    }

    /** The sheet of the day, created (open) on first use. */
    @Transactional
    Sheet open(long activityId, LocalDate day) {
        jdbc.sql("insert into attendance_sheet (activity_id, day, opened_at) values (?, ?, ?) on conflict (activity_id, day) do nothing")
                .params(activityId, day, Timestamp.from(clock.instant())).update();
        return find(activityId, day).orElseThrow();
    }

    Map<Long, Entry> entries(long sheetId) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        jdbc.sql("select * from attendance_entry where sheet_id = ? order by id").param(sheetId)
                .query(SheetStore::entry).list().forEach(e -> entries.put(e.childId(), e));
        return entries;
    }

    /**
     * Records the child's entry (the last write wins for one child) and its audit line, in one
     * transaction. Nothing is written when the entry is the same as the one recorded (a retried
     * request after a lost answer).
     */
    @Transactional
    Entry record(long sheetId, long childId, long familyFileId, AttendanceStatus status, LocalTime arrival, LocalTime departure,
            String actor) {
        SheetState state = SheetState.valueOf(jdbc.sql("select state from attendance_sheet where id = ? for share")
                .param(sheetId).query(String.class).single());
        Optional<Entry> before = jdbc.sql("select * from attendance_entry where sheet_id = ? and child_id = ? for update")
                .params(sheetId, childId).query(SheetStore::entry).optional();
        if (before.isPresent() && before.get().status() == status && java.util.Objects.equals(before.get().arrival(), arrival)
                && java.util.Objects.equals(before.get().departure(), departure)) {
            return before.get();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Entry saved = jdbc.sql("""
                insert into attendance_entry (sheet_id, child_id, family_file_id, status, arrival, departure, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (sheet_id, child_id) do update set status = excluded.status, arrival = excluded.arrival,
                    departure = excluded.departure, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
                    version = attendance_entry.version + 1
                returning *""")
                .params(sheetId, childId, familyFileId, status.name(), arrival, departure, actor, now)
                .query(SheetStore::entry).single();
        jdbc.sql("""
                insert into attendance_audit (sheet_id, child_id, status_before, status_after, arrival, departure, actor, at, after_closing)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sheetId, childId, before.map(e -> e.status().name()).orElse(null), status.name(), arrival, departure, actor, now,
                        state == SheetState.CLOSED)
                .update();
        return saved;
    }

    /** Closes the sheet; false when it was already closed. */
    @Transactional
    boolean close(long sheetId, String actor) {
        jdbc.sql("select id from attendance_sheet where id = ? for update").param(sheetId).query(Long.class).single();
        return jdbc.sql("update attendance_sheet set state = 'CLOSED', closed_by = ?, closed_at = ? where id = ? and state = 'OPEN'")
                .params(actor, Timestamp.from(clock.instant()), sheetId).update() == 1;
    }

    /** The corrections made after the sheet was closed, oldest first. */
    List<AuditLine> corrections(long sheetId) {
        return jdbc.sql("select * from attendance_audit where sheet_id = ? and after_closing order by at, id").param(sheetId)
                .query((rs, i) -> new AuditLine(rs.getLong("child_id"),
                        rs.getString("status_before") == null ? null : AttendanceStatus.valueOf(rs.getString("status_before")),
                        AttendanceStatus.valueOf(rs.getString("status_after")), rs.getObject("arrival", LocalTime.class),
                        rs.getObject("departure", LocalTime.class), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                        rs.getBoolean("after_closing")))
                .list();
    }

    private static Sheet sheet(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Sheet(rs.getLong("id"), rs.getLong("activity_id"), rs.getObject("day", LocalDate.class),
                SheetState.valueOf(rs.getString("state")), rs.getString("closed_by"), closedAt == null ? null : closedAt.toInstant());
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("child_id"), rs.getLong("family_file_id"), AttendanceStatus.valueOf(rs.getString("status")),
                rs.getObject("arrival", LocalTime.class), rs.getObject("departure", LocalTime.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getInt("version"));
    }
}
