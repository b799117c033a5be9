package fr.portailfamille.activity;

/** What one booking counts: a day, a half-day, a meal, a session of before/after-school care. */
public enum BookingUnit {
    DAY("journée"), HALF_DAY("demi-journée"), MEAL("repas"), SESSION("séance");

    private final String label;

    BookingUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
