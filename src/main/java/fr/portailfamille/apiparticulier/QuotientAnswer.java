package fr.portailfamille.apiparticulier;

/** What API Particulier answered about one person's quotient familial. */
sealed interface QuotientAnswer {

    /** The outcome stored with each call. */
    enum Outcome { FOUND, NOT_FOUND, AMBIGUOUS, UNAVAILABLE }

    Outcome outcome();

    /** Found: the value, its provider (CAF for the CNAF, or MSA) and the month it is the quotient of. */
    record Found(int value, String provider, int year, int month) implements QuotientAnswer {
        public Outcome outcome() {
            return Outcome.FOUND;
        }
    }

    /** 404: no CAF or MSA file for this identity. */
    record NotFound() implements QuotientAnswer {
        public Outcome outcome() {
            return Outcome.NOT_FOUND;
        }
    }

    /** Several people answer to this identity: the API cannot tell which one. */
    record Ambiguous() implements QuotientAnswer {
        public Outcome outcome() {
            return Outcome.AMBIGUOUS;
        }
    }

    /** 5xx, a timeout, a refused token or an answer we cannot read: try again later. */
    record Unavailable(String reason) implements QuotientAnswer {
        public Outcome outcome() {
            return Outcome.UNAVAILABLE;
        }
    }
}
