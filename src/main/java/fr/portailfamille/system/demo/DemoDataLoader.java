package fr.portailfamille.system.demo;

/**
 * A module's share of the demo data (profile {@code demo}). Each loader must be idempotent: it
 * runs at every start and adds only what is missing, so a restart duplicates nothing.
 */
public interface DemoDataLoader {

    /** Loaders run in ascending order (staff 10, family 20, accounts 30, activities 40, …). */
    int order();

    void load();
}
