package fr.portailfamille.registration;

import fr.portailfamille.activity.ActivityPeriod;
import fr.portailfamille.activity.ActivitySummary;

/** An activity as offered to a child: available for the period, or not with the reason in French. */
public record RegistrationChoice(ActivitySummary activity, ActivityPeriod period, String refusal) {

    public boolean available() {
        return refusal == null;
    }
}
