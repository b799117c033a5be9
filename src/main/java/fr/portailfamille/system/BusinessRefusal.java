package fr.portailfamille.system;

/**
 * A request refused for a reason the person can fix, with the French message that tells them how
 * (« Aucun dossier famille n° « 1234 ». »). Thrown by a process's listener or delegate, it answers
 * 400 with that message on {@code /engine-rest} and in the webapps (the Tasklist form shows it), never
 * a 500; the module's own exceptions of this kind extend it.
 */
public class BusinessRefusal extends RuntimeException {

    public BusinessRefusal(String message) {
        super(message);
    }
}
