package fr.portailfamille.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start and in every environment, that the town's services exist as Camunda
 * groups with Tasklist access and their filter « Tâches de mon service ». Idempotent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffIdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffIdentitySetup.class);
    static final String SERVICE_FILTER = "Tâches de mon service";
    static final String MY_TASKS_FILTER = "Mes tâches";
    private static final String FILTER_KEY = "portalFilter";
    /** Raised when the filters change: an older stored filter is then updated once, not at every start. */
    private static final String FILTER_VERSION_KEY = "portalFilterVersion";
    private static final Integer FILTER_VERSION = 2;

    private final IdentityService identity;
    private final TasklistGrants grants;
    private final FilterService filters;
    private final TaskService tasks;

    StaffIdentitySetup(IdentityService identity, TasklistGrants grants, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.grants = grants;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (StaffGroup group : StaffGroup.values()) {
            ensureGroup(group.id(), group.label());
            grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            Filter serviceFilter = ensureFilter("service:" + group.id(), SERVICE_FILTER,
                    tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks(), -10);
            grant(group.id(), Resources.FILTER, serviceFilter.getId(), Permissions.READ);
        }
        Filter mine = ensureFilter("mine", MY_TASKS_FILTER, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -20);
        for (StaffGroup group : StaffGroup.values()) {
            grant(group.id(), Resources.FILTER, mine.getId(), Permissions.READ);
        }
        log.info("Groupes du personnel, accès à Tasklist et filtres vérifiés");
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("SERVICE");
            identity.saveGroup(group);
        }
    }

    /** The filter of that key, created or brought up to date (query, card variables) at every start. */
    private Filter ensureFilter(String key, String name, TaskQuery query, int priority) {
        Filter filter = null;
        for (Filter existing : filters.createTaskFilterQuery().filterName(name).list()) {
            if (existing.getProperties() != null && key.equals(existing.getProperties().get(FILTER_KEY))) {
                if (FILTER_VERSION.equals(existing.getProperties().get(FILTER_VERSION_KEY))) {
                    return existing;
                }
                filter = existing;
            }
        }
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(FILTER_KEY, key);
        properties.put(FILTER_VERSION_KEY, FILTER_VERSION);
        properties.put("priority", priority);
        properties.put("description", "mine".equals(key) ? "Les tâches qui vous sont attribuées" : "Les tâches confiées à votre service");
        properties.put("refresh", true);
        properties.put("variables", CardVariables.LABELS.entrySet().stream()
                .map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList());
        filter.setProperties(properties);
        return filters.saveFilter(filter);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        grants.grant(groupId, resource, resourceId, permission);
    }
}
