package fr.portailfamille.attendance;

/** What the staff recorded for a child on a day sheet. */
public enum AttendanceStatus {
    PRESENT("présent"),
    ABSENT_JUSTIFIED("absent justifié"),
    ABSENT_UNJUSTIFIED("absent non justifié"),
    /** A child who came without a booking (searched by name and added to the sheet). */
    PRESENT_UNBOOKED("présent sans réservation");

    private final String label;

    AttendanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean present() {
        return this == PRESENT || this == PRESENT_UNBOOKED;
    }
}
