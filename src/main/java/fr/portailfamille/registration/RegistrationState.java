package fr.portailfamille.registration;

/** Where a pre-registration stands, with the guide's wording and colour. */
public enum RegistrationState {
    PENDING("en attente de validation", "status-pending"),
    VALIDATED("validée", "status-ok"),
    REFUSED("refusée", "status-refused"),
    WITHDRAWN("retirée", "status-withdrawn");

    private final String label;
    private final String cssClass;

    RegistrationState(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }
}
