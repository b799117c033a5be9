package fr.portailfamille.system.export;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * A spreadsheet a module offers the town's agents ({@code /agent/exports}): its key in the URL, its
 * title, who may download it, which filters it takes, and its rows. Each module declares its own as
 * a bean; the staff pages gather them and write them as CSV ({@link SpreadsheetCsv}).
 */
public interface StaffExport {

    /** The filters of one download: the month (when {@link #byMonth()}), an activity, the services whose activities to keep. */
    record Request(YearMonth month, Long activityId, Set<String> services) {

        /** Whether every service's activities are wanted (the Guichet Unique, finances). */
        public boolean everyService() {
            return services.isEmpty();
        }
    }

    /** The file name and the URL's key, e.g. {@code inscriptions}. */
    String key();

    String title();

    /** The groups that may download it; a service's agent gets only its own activities' rows. */
    List<String> groups();

    boolean byMonth();

    boolean byActivity();

    /** The position on the exports page. */
    int order();

    Spreadsheet rows(Request request);
}
