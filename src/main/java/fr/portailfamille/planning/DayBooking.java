package fr.portailfamille.planning;

import java.time.Instant;

/**
 * A child's live booking of one day as the staff see it: booked, or waiting at a rank of the
 * waiting list (1 = next to get a place; 0 when booked).
 */
public record DayBooking(long bookingId, long familyFileId, long childId, BookingState state, int position, Instant requestedAt) {}
