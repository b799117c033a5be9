package fr.portailfamille.system.export;

import java.util.List;

/**
 * A spreadsheet of one month for the whole town, without an activity filter (the finances'
 * invoices, payments and hand-overs): a subclass says only its key, title, order and rows.
 */
public abstract class MonthlyTownExport implements StaffExport {

    private final List<String> groups;

    /** @param groups the staff groups that may download it */
    protected MonthlyTownExport(String... groups) {
        this.groups = List.of(groups);
    }

    @Override
    public final List<String> groups() {
        return groups;
    }

    @Override
    public final boolean byMonth() {
        return true;
    }

    @Override
    public final boolean byActivity() {
        return false;
    }
}
