package fr.portailfamille.attendance;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildCareCard;
import fr.portailfamille.family.ChildCareCards;
import fr.portailfamille.planning.BookingState;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.planning.DayBooking;
import fr.portailfamille.planning.WaitingLists;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The occupancy of an activity, day by day: capacity, booked, waiting, closed, and the rate the
 * chart draws; the waiting list of one day with the children's names, in its order.
 */
@Service
class Occupancy {


    /** One day of the view. {@code rate} is booked / capacity in percent (0 when closed). */
    record DayLine(LocalDate day, boolean open, int capacity, int booked, int waiting) {

        public int rate() {
            return !open || capacity == 0 ? 0 : Math.round(100f * booked / capacity);
        }

        public String label() {
            return PortalTime.SHORT_DAY.format(day);
        }

        public String fullLabel() {
            return PortalTime.DAY.format(day);
        }
    }

    /** A waiting child of a day, at its rank. */
    record Waiting(long bookingId, int position, ChildCareCard child, String requestedAt) {}

    private final Activities activities;
    private final WaitingLists waitingLists;
    private final Bookings bookings;
    private final ChildCareCards cards;

    Occupancy(Activities activities, WaitingLists waitingLists, Bookings bookings, ChildCareCards cards) {
        this.activities = activities;
        this.waitingLists = waitingLists;
        this.bookings = bookings;
        this.cards = cards;
    }

    /** Every day of the range on which the activity may run (its weekdays), open or closed. */
    List<DayLine> days(ActivitySummary activity, LocalDate from, LocalDate to) {
        Map<LocalDate, WaitingLists.DayOccupancy> counts = waitingLists.occupancy(activity.id(), from, to);
        List<DayLine> lines = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!activity.weekdays().contains(day.getDayOfWeek())) {
                continue;
            }
            WaitingLists.DayOccupancy count = counts.get(day);
            boolean open = activities.isOpenOn(activity.id(), day);
            lines.add(count == null ? new DayLine(day, open, activity.capacityPerDay(), 0, 0)
                    : new DayLine(day, open, count.capacity(), count.booked(), count.waiting()));
        }
        return lines;
    }

    /** The day's counts and its waiting list in order. */
    DayLine day(ActivitySummary activity, LocalDate day) {
        return days(activity, day, day).stream().findFirst()
                .orElse(new DayLine(day, false, activity.capacityPerDay(), 0, 0));
    }

    List<Waiting> waitingList(ActivitySummary activity, LocalDate day) {
        List<DayBooking> waiting = bookings.ofDay(activity.id(), day).stream().filter(b -> b.state() == BookingState.WAITING).toList();
        Map<Long, ChildCareCard> children = cards.of(waiting.stream().map(DayBooking::childId).collect(Collectors.toSet()));
        return waiting.stream().filter(b -> children.containsKey(b.childId()))
                .map(b -> new Waiting(b.bookingId(), b.position(), children.get(b.childId()),
                        PortalTime.DATE_TIME.format(b.requestedAt().atZone(PortalTime.ZONE))))
                .toList();
    }
}
