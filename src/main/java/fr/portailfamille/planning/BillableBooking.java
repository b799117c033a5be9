package fr.portailfamille.planning;

import java.time.LocalDate;

/** A booking billing counts: a booked day, or a day cancelled after the cut-off. */
public record BillableBooking(long bookingId, long familyFileId, long childId, long activityId, LocalDate day, BookingState state) {}
