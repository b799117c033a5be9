package fr.portailfamille.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The planning module's public service for the staff of an activity: each day's occupancy (capacity,
 * booked, waiting) over a range in one query, and the two actions on a day's waiting list —
 * « proposer la place » (the child gets the place and the family the promotion mail) and
 * « retirer » (the child leaves the list).
 */
@Service
public class WaitingLists {

    /** One day of an activity: its capacity (the activity's when nobody has booked yet), booked and waiting children. */
    public record DayOccupancy(LocalDate day, int capacity, int booked, int waiting) {}

    /** What « proposer la place » gave, in French. */
    public record Outcome(boolean done, String message) {}

    private final JdbcClient jdbc;
    private final BookingLedger ledger;

    WaitingLists(JdbcClient jdbc, BookingLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The occupancy of each day of the range that has a counter; the other days have no booking. */
    public Map<LocalDate, DayOccupancy> occupancy(long activityId, LocalDate from, LocalDate to) {
        Map<LocalDate, DayOccupancy> days = new LinkedHashMap<>();
        jdbc.sql("""
                select c.day, c.capacity, c.booked,
                       -- the places are 1, 2, 3…: the last one is the list's length, one index lookup
                       (select coalesce(max(w.waiting_position), 0) from booking w
                        where w.activity_id = c.activity_id and w.day = c.day and w.state = 'WAITING') as waiting
                from day_capacity c where c.activity_id = ? and c.day between ? and ? order by c.day
                """).params(activityId, from, to).query(rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    days.put(day, new DayOccupancy(day, rs.getInt("capacity"), rs.getInt("booked"), rs.getInt("waiting")));
                });
        return days;
    }

    /** « proposer la place » to a waiting child of that activity's day. */
    public Outcome offerPlace(long activityId, LocalDate day, long bookingId, int activityCapacity, String actor) {
        if (!waitingOn(activityId, day, bookingId)) {
            return new Outcome(false, "Cet enfant n'est plus sur la liste d'attente de ce jour.");
        }
        return switch (ledger.offerPlace(bookingId, activityCapacity, actor)) {
            case BOOKED -> new Outcome(true, "La place est donnée ; la famille est prévenue par courriel.");
            case NOT_WAITING -> new Outcome(false, "Cet enfant n'est plus sur la liste d'attente de ce jour.");
            case FULL -> new Outcome(false, "Le jour est complet : augmentez la capacité de l'activité ou attendez une annulation.");
        };
    }

    /** « retirer » a waiting child from that activity's day (its booking is cancelled, nobody is billed). */
    public Outcome withdraw(long activityId, LocalDate day, long bookingId, String actor) {
        List<Long> children = jdbc.sql("select child_id from booking where id = ? and activity_id = ? and day = ? and state = 'WAITING'")
                .params(bookingId, activityId, day).query(Long.class).list();
        if (children.isEmpty()) {
            return new Outcome(false, "Cet enfant n'est plus sur la liste d'attente de ce jour.");
        }
        return ledger.cancel(children.get(0), activityId, day, false, actor)
                .map(r -> new Outcome(true, "L'enfant est retiré de la liste d'attente."))
                .orElse(new Outcome(false, "Cet enfant n'est plus sur la liste d'attente de ce jour."));
    }

    private boolean waitingOn(long activityId, LocalDate day, long bookingId) {
        return jdbc.sql("select exists (select 1 from booking where id = ? and activity_id = ? and day = ? and state = 'WAITING')")
                .params(bookingId, activityId, day).query(Boolean.class).single();
    }
}
