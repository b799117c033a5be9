package fr.portailfamille.family;

/** A document an activity requires, and where the family stands with it. */
public record RequiredDocument(DocumentType type, State state) {

    public enum State {
        ACCEPTED("accepté"), BEING_CHECKED("en cours de vérification"), MISSING("non fourni");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
