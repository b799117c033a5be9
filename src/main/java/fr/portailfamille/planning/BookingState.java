package fr.portailfamille.planning;

/** Where a child's booking of a day stands. */
public enum BookingState {
    BOOKED("réservé"),
    WAITING("liste d'attente"),
    CANCELLED("annulé"),
    /** Cancelled by the family after the cut-off: the day is still billed. */
    CANCELLED_LATE("annulé hors délai");

    private final String label;

    BookingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean live() {
        return this == BOOKED || this == WAITING;
    }
}
