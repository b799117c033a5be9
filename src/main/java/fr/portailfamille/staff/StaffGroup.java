package fr.portailfamille.staff;

import java.util.Arrays;
import java.util.Optional;

/** The town's services as Camunda groups. Other modules name a group by its id (e.g. an activity's service). */
public enum StaffGroup {

    GUICHET_UNIQUE("guichet-unique", "Guichet Unique"),
    ENFANCE("enfance", "Service Enfance"),
    RESTAURATION("restauration", "Service Restauration"),
    FINANCES("finances", "Service Finances");

    public static final String ADMIN = "camunda-admin";

    private final String id;
    private final String label;

    StaffGroup(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<StaffGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
