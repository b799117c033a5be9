package fr.portailfamille.family;

import java.util.List;

/** What other modules may know of a family file. */
public record FamilySummary(long id, String number, String name, List<ChildSummary> children, List<String> emails) {}
