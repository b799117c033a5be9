package fr.portailfamille.planning;

/**
 * Whether a child may book a day of an activity, and why not, in French for the family;
 * {@code neverRuns}: a closed day the activity never runs (not a closure), left out of the month pages.
 */
record DayVerdict(Kind kind, String reason, boolean neverRuns) {

    enum Kind {
        /** The child may book (a full day still puts them on the waiting list). */
        OPEN,
        /** No validated registration of the child to the activity covers this weekday on this day. */
        NOT_REGISTERED,
        /** The activity does not take children that day: closure, public holiday, out of its periods or days. */
        CLOSED,
        /** The booking cut-off of the day has passed. */
        PAST_CUTOFF
    }

    static final DayVerdict OPEN = new DayVerdict(Kind.OPEN, "", false);

    static DayVerdict notRegistered(String reason) {
        return new DayVerdict(Kind.NOT_REGISTERED, reason, false);
    }

    static DayVerdict closed(String reason) {
        return new DayVerdict(Kind.CLOSED, reason, false);
    }

    /** A day the activity never runs (a weekend, a school day for the leisure centre…). */
    static DayVerdict neverRunning(String reason) {
        return new DayVerdict(Kind.CLOSED, reason, true);
    }

    static DayVerdict pastCutOff(String reason) {
        return new DayVerdict(Kind.PAST_CUTOFF, reason, false);
    }

    boolean open() {
        return kind == Kind.OPEN;
    }
}
