package fr.portailfamille.attendance;

import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.BookingUnit;
import fr.portailfamille.family.ChildCareCard;
import fr.portailfamille.family.ChildCareCards;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.planning.BookingState;
import fr.portailfamille.planning.DayBooking;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The day sheet's use cases: the children expected (the day's bookings) with their care cards and
 * what was recorded, the check-in of one child, the children who came without a booking, the
 * closing of the sheet. The sheet is created the first time anyone records on it or opens it.
 */
@Service
class DaySheets {


    /** A refused check-in, with the French reason the agent reads. */
    static class CheckInRefused extends RuntimeException {
        CheckInRefused(String message) {
            super(message);
        }
    }

    /** One child's line of the sheet. */
    record Row(ChildCareCard card, boolean booked, SheetStore.Entry entry, int age, Absences.Absence absence) {

        /** What the family declared for the day, if anything (« absence signalée : maladie, justification en cours d'examen »). */
        public String absenceNote() {
            return absence == null ? "" : "absence signalée par la famille : " + absence.reason().label()
                    + (absence.hasCertificate() ? " (certificat joint)" : "") + ", " + absence.state().label();
        }

        public long childId() {
            return card.childId();
        }

        public String statusLabel() {
            return entry == null ? "à pointer" : entry.status().label();
        }

        public String statusCss() {
            if (entry == null) {
                return "status-pending";
            }
            return entry.status().present() ? "status-ok" : "status-refused";
        }

        public boolean is(String status) {
            return entry != null && entry.status().name().equals(status);
        }

        public String recorded() {
            return entry == null ? "" : "par " + entry.recordedBy() + " à "
                    + PortalTime.TIME.format(entry.recordedAt().atZone(PortalTime.ZONE)) + " le "
                    + PortalTime.DATE.format(entry.recordedAt().atZone(PortalTime.ZONE));
        }

        public String arrival() {
            return entry == null || entry.arrival() == null ? "" : PortalTime.TIME.format(entry.arrival());
        }

        public String departure() {
            return entry == null || entry.departure() == null ? "" : PortalTime.TIME.format(entry.departure());
        }
    }

    /** The whole sheet as the page and the PDF show it. */
    record Sheet(ActivitySummary activity, LocalDate day, SheetStore.Sheet stored, List<Row> rows, boolean timed, boolean started,
            List<SheetStore.AuditLine> corrections) {

        public String dayLabel() {
            String label = PortalTime.DAY.format(day);
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        }

        public boolean closed() {
            return stored != null && stored.closed();
        }

        public String closedText() {
            return closed() ? "clôturée par " + stored.closedBy() + " le "
                    + PortalTime.DATE_TIME.format(stored.closedAt().atZone(PortalTime.ZONE)) : "";
        }

        public long expected() {
            return rows.stream().filter(Row::booked).count();
        }

        public long present() {
            return rows.stream().filter(r -> r.entry() != null && r.entry().status().present()).count();
        }

        public long toCheck() {
            return rows.stream().filter(r -> r.entry() == null).count();
        }

        public String childName(long childId) {
            return rows.stream().filter(r -> r.childId() == childId).findFirst().map(r -> r.card().fullName()).orElse("enfant n° " + childId);
        }
    }

    private final Bookings bookings;
    private final ChildCareCards cards;
    private final SheetStore store;
    private final Absences absences;
    private final Clock clock;

    DaySheets(Bookings bookings, ChildCareCards cards, SheetStore store, Absences absences, Clock clock) {
        this.bookings = bookings;
        this.cards = cards;
        this.store = store;
        this.absences = absences;
        this.clock = clock;
    }

    /** Whether arrival and departure times are recorded: activities counted by the session (before/after school). */
    static boolean timed(ActivitySummary activity) {
        return activity.bookingUnit() == BookingUnit.SESSION;
    }

    Sheet sheet(ActivitySummary activity, LocalDate day) {
        Optional<SheetStore.Sheet> stored = store.find(activity.id(), day);
        Map<Long, SheetStore.Entry> entries = stored.map(s -> store.entries(s.id())).orElse(Map.of());
        Set<Long> booked = new LinkedHashSet<>();
        for (DayBooking booking : bookings.ofDay(activity.id(), day)) {
            if (booking.state() == BookingState.BOOKED) {
                booked.add(booking.childId());
            }
        }
        Set<Long> all = new LinkedHashSet<>(booked);
        all.addAll(entries.keySet());
        Map<Long, ChildCareCard> cardsById = cards.of(all);
        Map<Long, Absences.Absence> declared = absences.ofDay(activity.id(), day);
        List<Row> rows = new ArrayList<>();
        for (ChildCareCard card : cardsById.values()) {
            rows.add(new Row(card, booked.contains(card.childId()), entries.get(card.childId()), card.ageOn(day), declared.get(card.childId())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.card().lastName().toLowerCase()).thenComparing(r -> r.card().firstName().toLowerCase()));
        return new Sheet(activity, day, stored.orElse(null), rows, timed(activity), started(day),
                stored.map(s -> store.corrections(s.id())).orElse(List.of()));
    }

    /** One child's row, as recorded now (the answer to a check-in). */
    Row row(ActivitySummary activity, LocalDate day, long childId) {
        return sheet(activity, day).rows().stream().filter(r -> r.childId() == childId).findFirst()
                .orElseThrow(() -> new CheckInRefused("Cet enfant n'est pas sur la feuille du jour."));
    }

    /**
     * Records a child's check-in. A booked child is present or absent; a child without a booking
     * can only be present without booking. Times are for activities counted by the session.
     */
    void checkIn(ActivitySummary activity, LocalDate day, long childId, AttendanceStatus status, LocalTime arrival, LocalTime departure,
            String actor) {
        if (!started(day)) {
            throw new CheckInRefused("On ne pointe qu'un jour commencé : le " + PortalTime.DATE.format(day) + " n'est pas encore là.");
        }
        boolean booked = bookings.ofDay(activity.id(), day).stream()
                .anyMatch(b -> b.childId() == childId && b.state() == BookingState.BOOKED);
        SheetStore.Sheet sheet = store.open(activity.id(), day);
        boolean onSheet = booked || store.entries(sheet.id()).containsKey(childId);
        if (!onSheet && status != AttendanceStatus.PRESENT_UNBOOKED) {
            throw new CheckInRefused("Cet enfant n'a pas de réservation ce jour : ajoutez-le comme « présent sans réservation ».");
        }
        if (booked && status == AttendanceStatus.PRESENT_UNBOOKED) {
            status = AttendanceStatus.PRESENT;
        }
        if (!booked && onSheet && !status.present()) {
            throw new CheckInRefused("Un enfant venu sans réservation ne peut pas être noté absent.");
        }
        if (!booked && status == AttendanceStatus.PRESENT) {
            status = AttendanceStatus.PRESENT_UNBOOKED;
        }
        if (!timed(activity) || !status.present()) {
            arrival = null;
            departure = null;
        }
        if (arrival != null && departure != null && departure.isBefore(arrival)) {
            throw new CheckInRefused("L'heure de départ doit suivre l'heure d'arrivée.");
        }
        ChildCareCard card = cards.of(List.of(childId)).get(childId);
        if (card == null) {
            throw new CheckInRefused("Cet enfant est introuvable.");
        }
        store.record(sheet.id(), childId, card.familyFileId(), status, arrival, departure, actor);
    }

    /** Children whose name contains the text, who are not yet on the sheet (for « présent sans réservation »). */
    List<ChildSummary> search(ActivitySummary activity, LocalDate day, String text) {
        if (text == null || text.trim().length() < 2) {
            return List.of();
        }
        Set<Long> onSheet = new LinkedHashSet<>();
        sheet(activity, day).rows().forEach(r -> onSheet.add(r.childId()));
        return cards.search(text.trim(), 20).stream().filter(c -> !onSheet.contains(c.id())).toList();
    }

    /** Closes the sheet: every child expected must have been checked in first. */
    void close(ActivitySummary activity, LocalDate day, String actor) {
        if (!started(day)) {
            throw new CheckInRefused("On ne clôture qu'un jour commencé.");
        }
        Sheet sheet = sheet(activity, day);
        List<String> missing = sheet.rows().stream().filter(r -> r.entry() == null).map(r -> r.card().fullName()).toList();
        if (!missing.isEmpty()) {
            throw new CheckInRefused("Pointez d'abord " + (missing.size() == 1 ? "l'enfant" : "les " + missing.size() + " enfants")
                    + " restant" + (missing.size() == 1 ? "" : "s") + " : " + String.join(", ", missing) + ".");
        }
        store.close(store.open(activity.id(), day).id(), actor);
    }

    boolean started(LocalDate day) {
        return !day.isAfter(LocalDate.now(clock.withZone(PortalTime.ZONE)));
    }
}
