package fr.portailfamille.apiparticulier;

import fr.portailfamille.staff.ProcessVariable;

/**
 * Process {@code quotientRefresh} (business key {@code QF-<year>}): every January, or when the Guichet
 * Unique starts it in Tasklist, API Particulier is asked again for the quotient of every family whose
 * consent stands, a few families per job with a pause between jobs, each family once a year; then the
 * Guichet Unique reads the report (families whose quotient changed bracket, families not fetched).
 */
final class QuotientRefreshProcess {

    static final String KEY = "quotientRefresh";

    /** The year refreshed, « 2027 » (the start form's field, or the clock's year for the timer). */
    static final ProcessVariable<String> YEAR = ProcessVariable.text("year");
    /** The year was refreshed already: the timer's start ends at once (a start from Tasklist is refused). */
    static final ProcessVariable<Boolean> ALREADY_DONE = ProcessVariable.flag("alreadyRefreshed");
    static final ProcessVariable<Integer> ASKED = ProcessVariable.integer("familiesAsked");
    static final ProcessVariable<Integer> REMAINING = ProcessVariable.integer("familiesRemaining");
    static final ProcessVariable<Integer> CHANGED = ProcessVariable.integer("bracketChangedCount");
    static final ProcessVariable<Integer> FAILED = ProcessVariable.integer("notFetchedCount");
    static final ProcessVariable<String> CHANGED_LIST = ProcessVariable.text("bracketChangedFamilies");
    static final ProcessVariable<String> FAILED_LIST = ProcessVariable.text("notFetchedFamilies");
    /** « J'ai pris connaissance du rapport », required to complete the report task. */
    static final ProcessVariable<Boolean> REPORT_READ = ProcessVariable.flag("reportRead");

    static final String TASK_REPORT = "Task_ReviewRefreshReport";
    static final String TASK_BATCH = "Task_FetchBatch";
    static final String TIMER_PAUSE = "Timer_Pause";

    static String businessKey(int year) {
        return "QF-" + year;
    }

    private QuotientRefreshProcess() {}
}
