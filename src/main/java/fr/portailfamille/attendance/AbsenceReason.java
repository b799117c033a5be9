package fr.portailfamille.attendance;

/** Why a family says its child will not come (or did not come). */
enum AbsenceReason {
    MALADIE("maladie"), AUTRE("autre motif");

    private final String label;

    AbsenceReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
