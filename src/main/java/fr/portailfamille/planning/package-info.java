/**
 * The planning (guide I-5 and II-3): the days each child comes to an activity, booked month by
 * month, with the capacity of each day held atomically in PostgreSQL, the waiting list and its
 * promotions, the cut-offs, « dupliquer des réservations » and the families' iCalendar feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
        allowedDependencies = {"registration", "activity", "family", "staff", "system", "system :: *"})
package fr.portailfamille.planning;
