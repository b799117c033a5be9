package fr.portailfamille.attendance;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (billing, reports) may read of attendance: the entries of the day sheets of a
 * month, the absences whose justification the service accepted, the sheets still open, and the
 * families whose attendance changed after a given instant (corrections after an invoice).
 */
@Service
@Transactional(readOnly = true)
public class Attendance {

    /** A child's entry on the sheet of a day. */
    public record DayEntry(long familyFileId, long childId, long activityId, LocalDate day, AttendanceStatus status) {}

    /** A declared absence the service accepted (justified, certificate checked). */
    public record AcceptedAbsence(long familyFileId, long childId, long activityId, LocalDate day) {}

    /** A sheet not closed yet. */
    public record OpenSheet(long activityId, String activityName, LocalDate day) {}

    private final JdbcTemplate jdbc;

    Attendance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sheets of the month still open, by day then activity. */
    public List<OpenSheet> openSheets(YearMonth month) {
        return jdbc.query("""
                select s.activity_id, a.name, s.day from attendance_sheet s join activity a on a.id = s.activity_id
                where s.day between ? and ? and s.state = 'OPEN' order by s.day, a.name
                """, (rs, n) -> new OpenSheet(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                month.atDay(1), month.atEndOfMonth());
    }

    /** The families with a child present without a booking in the month. */
    public List<Long> familiesPresentWithoutBooking(YearMonth month) {
        return jdbc.queryForList("""
                select distinct e.family_file_id from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.day between ? and ? and e.status = 'PRESENT_UNBOOKED' order by 1
                """, Long.class, month.atDay(1), month.atEndOfMonth());
    }

    /** The sheet entries of the month of these families, in one query. */
    public List<DayEntry> entriesOfMonth(Collection<Long> familyFileIds, YearMonth month) {
        if (familyFileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select e.family_file_id, e.child_id, s.activity_id, s.day, e.status
                from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.day between ? and ? and e.family_file_id = any(?)
                """, ps -> {
                    ps.setObject(1, month.atDay(1));
                    ps.setObject(2, month.atEndOfMonth());
                    ps.setArray(3, ids(ps.getConnection(), familyFileIds));
                }, (rs, n) -> new DayEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        AttendanceStatus.valueOf(rs.getString(5))));
    }

    /** The accepted absences of the month of these families, in one query. */
    public List<AcceptedAbsence> acceptedAbsences(Collection<Long> familyFileIds, YearMonth month) {
        if (familyFileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select family_file_id, child_id, activity_id, day from absence
                where day between ? and ? and state = 'ACCEPTEE' and family_file_id = any(?)
                """, ps -> {
                    ps.setObject(1, month.atDay(1));
                    ps.setObject(2, month.atEndOfMonth());
                    ps.setArray(3, ids(ps.getConnection(), familyFileIds));
                }, (rs, n) -> new AcceptedAbsence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)));
    }

    /**
     * Whether the family's attendance of the month changed after {@code since}: an entry written
     * (or corrected) or an absence decided later.
     */
    public boolean changedSince(long familyFileId, YearMonth month, Instant since) {
        Timestamp at = Timestamp.from(since);
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                               where e.family_file_id = ? and s.day between ? and ? and e.recorded_at > ?)
                    or exists (select 1 from absence where family_file_id = ? and day between ? and ? and decided_at > ?)
                """, Boolean.class, familyFileId, month.atDay(1), month.atEndOfMonth(), at,
                familyFileId, month.atDay(1), month.atEndOfMonth(), at));
    }

    private static Array ids(java.sql.Connection connection, Collection<Long> ids) throws java.sql.SQLException {
        return connection.createArrayOf("bigint", ids.toArray());
    }
}
