package fr.portailfamille.staff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What each Tasklist card shows of its request: the child, the activity, the family, the request or
 * the billed month, when the process has them. Tasklist reads a card's variables with the agent's
 * rights, which cover the task and not the whole process instance (need-to-know): so every staff
 * task gets, when created, its own copy of those of its process.
 */
final class CardVariables {

    /** Variable name → label on the card. */
    static final Map<String, String> LABELS = labels();

    private CardVariables() {}

    private static Map<String, String> labels() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("childName", "Enfant");
        variables.put("activityName", "Activité");
        variables.put("familyName", "Famille");
        variables.put("requestLabel", "Demande");
        variables.put("runMonth", "Mois facturé");
        return Collections.unmodifiableMap(variables);
    }

    /** On creation of a task: its copy of the card variables its process holds. */
    static final TaskListener COPY = (DelegateTask task) -> {
        for (String name : LABELS.keySet()) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    };

    /** Adds {@link #COPY} to every user task of every deployed process. */
    static class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
            }
        }
    }
}
