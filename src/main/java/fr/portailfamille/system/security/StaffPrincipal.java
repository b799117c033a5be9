package fr.portailfamille.system.security;

import java.io.Serializable;
import java.util.List;

/** A town agent logged in with Camunda identity, with the Camunda groups it belongs to. */
public record StaffPrincipal(String userId, String displayName, List<String> groups) implements Serializable {

    public static final String ROLE = "STAFF";
    public static final String ADMIN_GROUP = "camunda-admin";

    /** Spring authority of a Camunda group, e.g. {@code GROUP_enfance}. */
    public static String authorityOf(String group) {
        return "GROUP_" + group;
    }

    public boolean isIn(String group) {
        return groups.contains(group) || groups.contains(ADMIN_GROUP);
    }

    @Override
    public String toString() {
        return userId;
    }
}
