package fr.portailfamille.planning;

/** Where a booking was asked from. */
enum BookingSource {
    PLANNING, DUPLICATION, DEMO
}
