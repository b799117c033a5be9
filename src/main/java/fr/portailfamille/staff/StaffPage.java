package fr.portailfamille.staff;

import java.util.List;

/**
 * A page of the staff workspace, offered on the {@code /agent} home to the groups that may use it.
 * Each module declares the pages it serves as {@link StaffPages} beans; the home gathers them, so a
 * new module adds its links without editing the home.
 *
 * @param rank        position among the links of a group (smaller first)
 * @param label       the link's text
 * @param path        where it goes ({@code /agent/…} or a Camunda webapp)
 * @param description one line saying what the page is for
 * @param groups      the Camunda groups that may use it ({@link StaffGroup#id()} or {@link StaffGroup#ADMIN})
 */
public record StaffPage(int rank, String label, String path, String description, List<String> groups) {

    public StaffPage {
        groups = List.copyOf(groups);
    }

    public static StaffPage of(int rank, String label, String path, String description, String... groups) {
        return new StaffPage(rank, label, path, description, List.of(groups));
    }

    /** Every service group (not the administrators' own). */
    public static String[] everyService() {
        return java.util.Arrays.stream(StaffGroup.values()).map(StaffGroup::id).toArray(String[]::new);
    }
}
