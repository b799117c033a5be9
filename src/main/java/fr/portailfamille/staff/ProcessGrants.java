package fr.portailfamille.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What one module's processes grant the staff groups in Camunda, so that Tasklist and Cockpit show
 * them (declare it as a bean; {@code staff} applies every module's at each start, idempotently).
 * The tasks themselves are granted to their candidate group by the engine.
 */
public final class ProcessGrants {

    /** One group's permissions on one resource; {@code revoked} are taken back if an earlier version granted them. */
    record Grant(StaffGroup group, Resource resource, String resourceId, Set<Permission> granted, Set<Permission> revoked) {}

    private final List<Grant> grants = new ArrayList<>();

    private ProcessGrants() {}

    public static ProcessGrants declare() {
        return new ProcessGrants();
    }

    /** The groups see the process definition (its forms and diagram) in Tasklist. */
    public ProcessGrants read(String processKey, StaffGroup... groups) {
        return add(groups, Resources.PROCESS_DEFINITION, processKey, Set.of(Permissions.READ), Set.of());
    }

    /** The groups see the process definition and the history of all its instances (Cockpit). */
    public ProcessGrants readWithHistory(String processKey, StaffGroup... groups) {
        return add(groups, Resources.PROCESS_DEFINITION, processKey, Set.of(Permissions.READ, Permissions.READ_HISTORY), Set.of());
    }

    /**
     * The groups see the process definition but not the history of all its instances: a process
     * shared by several services, each reading only the instances whose task it was given.
     */
    public ProcessGrants readWithoutHistory(String processKey, StaffGroup... groups) {
        return add(groups, Resources.PROCESS_DEFINITION, processKey, Set.of(Permissions.READ), Set.of(Permissions.READ_HISTORY));
    }

    /** The groups start the process from Tasklist (its start form). */
    public ProcessGrants start(String processKey, StaffGroup... groups) {
        add(groups, Resources.PROCESS_DEFINITION, processKey, Set.of(Permissions.READ, Permissions.CREATE_INSTANCE), Set.of());
        return add(groups, Resources.PROCESS_INSTANCE, Authorization.ANY, Set.of(Permissions.CREATE), Set.of());
    }

    List<Grant> grants() {
        return List.copyOf(grants);
    }

    private ProcessGrants add(StaffGroup[] groups, Resource resource, String resourceId, Set<Permission> granted,
            Set<Permission> revoked) {
        if (groups.length == 0) {
            throw new IllegalArgumentException("at least one group");
        }
        for (StaffGroup group : groups) {
            grants.add(new Grant(group, resource, resourceId, granted, revoked));
        }
        return this;
    }
}
