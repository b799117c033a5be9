package fr.portailfamille.system;

/**
 * A rule of a staff form that the server still refuses (a Camunda Form in Tasklist, a start form):
 * thrown by a process listener or delegate with the French sentence for the agent. The staff side
 * answers the form's submission with that sentence (HTTP 400), never a 500 or an engine message,
 * however the engine wrapped the exception on its way.
 */
public class FormRefusal extends RuntimeException {

    /** Delimit the sentence inside whatever message the engine builds around it. */
    public static final String START = "\u27e6";
    public static final String END = "\u27e7";

    private final String sentence;

    public FormRefusal(String sentence) {
        super(START + sentence + END);
        this.sentence = sentence;
    }

    /** The French sentence, as the agent reads it. */
    public String sentence() {
        return sentence;
    }
}
