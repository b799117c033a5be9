package fr.portailfamille.activity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Periods, closure days and tariff lines of the activities (plain rows, read and appended). */
@Repository
class CatalogueStore {

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The activities as other modules know them, read as rows (the planning reads them on every page and
     * every booking save): {@code condition} after {@code where}, with its parameters.
     */
    List<ActivitySummary> summaries(String condition, Object... params) {
        return jdbc.sql("""
                select id, code, name, activity_type, service_group, booking_unit, weekdays, capacity_per_day, min_age, max_age,
                       runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time, required_documents
                from activity
                """ + "where " + condition).params(params)
                .query((rs, i) -> new ActivitySummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("activity_type"), rs.getString("service_group"), BookingUnit.valueOf(rs.getString("booking_unit")),
                        Weekdays.parse(rs.getString("weekdays")), rs.getInt("capacity_per_day"), rs.getObject("min_age", Integer.class),
                        rs.getObject("max_age", Integer.class), rs.getBoolean("runs_on_school_days"), rs.getBoolean("runs_on_wednesdays"),
                        rs.getBoolean("runs_on_holidays"), rs.getInt("cutoff_working_days"), rs.getObject("cutoff_time", LocalTime.class),
                        Activity.requiredDocumentList(rs.getString("required_documents"))))
                .list();
    }

    List<ActivityPeriod> periods(long activityId) {
        return jdbc.sql("select id, activity_id, label, start_date, end_date from activity_period where activity_id = ? order by start_date")
                .param(activityId).query(CatalogueStore::period).list();
    }

    /** Every activity's periods, each activity's in date order. */
    List<ActivityPeriod> allPeriods() {
        return jdbc.sql("select id, activity_id, label, start_date, end_date from activity_period order by activity_id, start_date")
                .query(CatalogueStore::period).list();
    }

    private static ActivityPeriod period(ResultSet rs, int row) throws SQLException {
        return new ActivityPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
    }

    void addPeriod(long activityId, String label, LocalDate start, LocalDate end) {
        jdbc.sql("insert into activity_period (activity_id, label, start_date, end_date) values (?, ?, ?, ?)")
                .params(activityId, label, Date.valueOf(start), Date.valueOf(end)).update();
    }

    void deletePeriod(long activityId, long periodId) {
        jdbc.sql("delete from activity_period where id = ? and activity_id = ?").params(periodId, activityId).update();
    }

    List<ActivityClosure> closures(long activityId) {
        return jdbc.sql("select id, activity_id, day, reason from activity_closure where activity_id = ? order by day")
                .param(activityId)
                .query((rs, i) -> new ActivityClosure(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    void addClosure(long activityId, LocalDate day, String reason) {
        jdbc.sql("insert into activity_closure (activity_id, day, reason) values (?, ?, ?) on conflict (activity_id, day) do nothing")
                .params(activityId, Date.valueOf(day), reason).update();
    }

    void deleteClosure(long activityId, long closureId) {
        jdbc.sql("delete from activity_closure where id = ? and activity_id = ?").params(closureId, activityId).update();
    }

    /** Every tariff line of the activity, newest version first. */
    List<TariffLine> tariffs(long activityId) {
        return jdbc.sql("""
                select activity_id, valid_from, qf_min, qf_max, sibling_rank, unit_price from activity_tariff
                where activity_id = ? order by valid_from desc, qf_min, sibling_rank""")
                .param(activityId)
                .query((rs, i) -> new TariffLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getInt(5), rs.getBigDecimal(6))).list();
    }

    boolean hasTariffVersion(long activityId, LocalDate validFrom) {
        return jdbc.sql("select count(*) from activity_tariff where activity_id = ? and valid_from = ?")
                .params(activityId, Date.valueOf(validFrom)).query(Integer.class).single() > 0;
    }

    void addTariffLine(long activityId, LocalDate validFrom, int qfMin, Integer qfMax, int rank, BigDecimal price, String by) {
        jdbc.sql("insert into activity_tariff (activity_id, valid_from, qf_min, qf_max, sibling_rank, unit_price, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(activityId, Date.valueOf(validFrom), qfMin, qfMax, rank, price, by).update();
    }
}
