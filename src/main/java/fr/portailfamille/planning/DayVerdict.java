package fr.portailfamille.planning;

/** Whether a child may book a day of an activity, and why not, in French for the family. */
record DayVerdict(Kind kind, String reason) {

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

    static final DayVerdict OPEN = new DayVerdict(Kind.OPEN, "");

    static DayVerdict notRegistered(String reason) {
        return new DayVerdict(Kind.NOT_REGISTERED, reason);
    }

    static DayVerdict closed(String reason) {
        return new DayVerdict(Kind.CLOSED, reason);
    }

    static DayVerdict pastCutOff(String reason) {
        return new DayVerdict(Kind.PAST_CUTOFF, reason);
    }

    boolean open() {
        return kind == Kind.OPEN;
    }
}
