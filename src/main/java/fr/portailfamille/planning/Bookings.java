package fr.portailfamille.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The planning module's public service for billing: the billable bookings of a month, in one query. */
@Service
@Transactional(readOnly = true)
public class Bookings {

    private static final String BILLABLE = """
            select id, family_file_id, child_id, activity_id, day, state from booking
            where day between ? and ? and state in ('BOOKED', 'CANCELLED_LATE')
            """;

    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The families with at least one billable booking in the month, by id (without reading the bookings). */
    public List<Long> familiesWithBillableDays(YearMonth month) {
        return jdbc.sql("select distinct family_file_id from booking where day between ? and ?"
                + " and state in ('BOOKED', 'CANCELLED_LATE') order by family_file_id")
                .params(month.atDay(1), month.atEndOfMonth()).query(Long.class).list();
    }

    /** One family's billable bookings of the month. */
    public List<BillableBooking> billableOfMonth(long familyFileId, YearMonth month) {
        return jdbc.sql(BILLABLE + " and family_file_id = ? order by child_id, activity_id, day")
                .params(month.atDay(1), month.atEndOfMonth(), familyFileId).query(Bookings::billable).list();
    }

    /**
     * The billable bookings of the month of several families, in one query (a batch of the billing
     * run), ordered by family, child, activity and day.
     */
    public List<BillableBooking> billableOfMonth(Collection<Long> familyFileIds, YearMonth month) {
        if (familyFileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BILLABLE + " and family_file_id = any(?) order by family_file_id, child_id, activity_id, day")
                .params(month.atDay(1), month.atEndOfMonth(), familyFileIds.toArray(Long[]::new))
                .query(Bookings::billable).list();
    }

    /** The billable bookings (booked, cancelled after the cut-off) of one activity in the month, every family, by day. */
    public List<BillableBooking> billableOfActivity(long activityId, YearMonth month) {
        return jdbc.sql(BILLABLE + " and activity_id = ? order by day, family_file_id, child_id")
                .params(month.atDay(1), month.atEndOfMonth(), activityId).query(Bookings::billable).list();
    }

    /**
     * The live bookings of one day of an activity: the booked children, then the waiting list in
     * its order (first come, first served), in one query.
     */
    public List<DayBooking> ofDay(long activityId, LocalDate day) {
        return jdbc.sql("""
                select b.id, b.family_file_id, b.child_id, b.state, b.requested_at, coalesce(b.waiting_position, 0) as position
                from booking b
                where b.activity_id = ? and b.day = ? and b.state in ('BOOKED', 'WAITING')
                order by b.state, b.waiting_position, b.requested_at, b.id
                """).params(activityId, day)
                .query((rs, n) -> new DayBooking(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"),
                        BookingState.valueOf(rs.getString("state")), rs.getInt("position"), rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    /** One family's bookings of the month that still hold or cost a day (booked, waiting, cancelled late), by day. */
    public List<BillableBooking> ofFamilyInMonth(long familyFileId, YearMonth month) {
        return jdbc.sql("""
                select id, family_file_id, child_id, activity_id, day, state from booking
                where family_file_id = ? and day between ? and ? and state in ('BOOKED', 'WAITING', 'CANCELLED_LATE')
                order by day, child_id, activity_id""").params(familyFileId, month.atDay(1), month.atEndOfMonth())
                .query(Bookings::billable).list();
    }

    /** The children of the family with at least one booking (any state, any day) in an activity of these services. */
    public java.util.Set<Long> childrenBookedWith(long familyFileId, Collection<String> serviceGroups) {
        if (serviceGroups.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                select distinct b.child_id from booking b join activity a on a.id = b.activity_id
                where b.family_file_id = ? and a.service_group = any(?)""")
                .params(familyFileId, serviceGroups.toArray(String[]::new)).query(Long.class).list());
    }

    private static BillableBooking billable(ResultSet rs, int row) throws SQLException {
        return new BillableBooking(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"),
                rs.getLong("activity_id"), rs.getObject("day", LocalDate.class), BookingState.valueOf(rs.getString("state")));
    }
}
