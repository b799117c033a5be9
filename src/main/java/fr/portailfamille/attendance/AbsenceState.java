package fr.portailfamille.attendance;

/** Where a declared absence stands, as the family reads it on its planning. */
enum AbsenceState {
    EN_ATTENTE("justification en cours d'examen", "status-pending"),
    ACCEPTEE("absence justifiée", "status-ok"),
    REFUSEE("justification refusée", "status-refused");

    private final String label;
    private final String css;

    AbsenceState(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String css() {
        return css;
    }
}
