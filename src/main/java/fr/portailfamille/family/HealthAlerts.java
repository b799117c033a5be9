package fr.portailfamille.family;

/** What an activity's staff must know of a child's health: a PAI (projet d'accueil individualisé), allergies. */
public record HealthAlerts(long childId, boolean pai, String paiDetails, String allergies) {

    public static HealthAlerts none(long childId) {
        return new HealthAlerts(childId, false, null, null);
    }

    public boolean any() {
        return pai || (allergies != null && !allergies.isBlank());
    }
}
