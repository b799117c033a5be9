package fr.portailfamille.staff;

import java.util.List;

/** The staff pages one module contributes to the {@code /agent} home (declare it as a bean). */
public record StaffPages(List<StaffPage> pages) {

    public StaffPages {
        pages = List.copyOf(pages);
    }

    public static StaffPages of(StaffPage... pages) {
        return new StaffPages(List.of(pages));
    }
}
