package fr.portailfamille.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (billing, reports) may read of attendance: the entries of the day sheets of a
 * month, the absences whose justification the service accepted, the sheets still open, and when
 * each family's attendance of a month last changed (corrections after an invoice).
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

    private final JdbcClient jdbc;

    Attendance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sheets of the month still open, by day then activity. */
    public List<OpenSheet> openSheets(YearMonth month) {
        return jdbc.sql("""
                select s.activity_id, a.name, s.day from attendance_sheet s join activity a on a.id = s.activity_id
                where s.day between ? and ? and s.state = 'OPEN' order by s.day, a.name
                """).params(month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new OpenSheet(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
    }

    /** The families with a child present without a booking in the month. */
    public List<Long> familiesPresentWithoutBooking(YearMonth month) {
        return jdbc.sql("""
                select distinct e.family_file_id from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.day between ? and ? and e.status = 'PRESENT_UNBOOKED' order by 1
                """).params(month.atDay(1), month.atEndOfMonth()).query(Long.class).list();
    }

    /** The sheet entries of the month of these families, in one query. */
    public List<DayEntry> entriesOfMonth(Collection<Long> familyFileIds, YearMonth month) {
        if (familyFileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.family_file_id, e.child_id, s.activity_id, s.day, e.status
                from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.day between ? and ? and e.family_file_id = any(?)
                """).params(month.atDay(1), month.atEndOfMonth(), familyFileIds.toArray(Long[]::new))
                .query((rs, n) -> new DayEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        AttendanceStatus.valueOf(rs.getString(5)))).list();
    }

    /** The accepted absences of the month of these families, in one query. */
    public List<AcceptedAbsence> acceptedAbsences(Collection<Long> familyFileIds, YearMonth month) {
        if (familyFileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select family_file_id, child_id, activity_id, day from absence
                where day between ? and ? and state = 'ACCEPTEE' and family_file_id = any(?)
                """).params(month.atDay(1), month.atEndOfMonth(), familyFileIds.toArray(Long[]::new))
                .query((rs, n) -> new AcceptedAbsence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /**
     * For each family whose attendance of the month was ever recorded or decided: the instant of its
     * latest entry (or correction) and of its latest absence decision, in one query.
     */
    public java.util.Map<Long, Instant> lastChanges(YearMonth month) {
        java.util.Map<Long, Instant> last = new java.util.HashMap<>();
        jdbc.sql("""
                select family_file_id, max(at) from (
                    select e.family_file_id, e.recorded_at as at from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                    where s.day between ? and ?
                    union all
                    select family_file_id, decided_at from absence where day between ? and ? and decided_at is not null) c
                group by family_file_id
                """).params(month.atDay(1), month.atEndOfMonth(), month.atDay(1), month.atEndOfMonth())
                .query(rs -> {
                    last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return last;
    }
}
