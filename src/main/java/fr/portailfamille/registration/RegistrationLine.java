package fr.portailfamille.registration;

/** One line of a family's registrations, ready to show (« Inscriptions », « Mon dossier »). */
public record RegistrationLine(long id, String childName, String activityName, String days, String period,
        RegistrationState state, String reason) {

    public String stateLabel() {
        return state.label();
    }

    public String cssClass() {
        return state.cssClass();
    }

    public boolean withdrawable() {
        return state == RegistrationState.PENDING;
    }
}
