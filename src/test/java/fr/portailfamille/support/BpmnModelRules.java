package fr.portailfamille.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * The house rules of a BPMN file, checked for every file of {@code processes/}:
 * file name = process id, history time to live, readable ids, diagram information, delegates as
 * existing Spring beans, staff tasks with a Camunda Form of {@code forms/} and a group.
 */
public final class BpmnModelRules {

    private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$|^sid-|^_?[0-9a-f-]{36}$");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");

    private BpmnModelRules() {}

    /** Every broken rule, as sentences; empty when the model is fine. */
    public static List<String> violations(String fileName, BpmnModelInstance model, Predicate<String> beanExists, Path formsDir) {
        List<String> problems = new ArrayList<>();
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        String expectedId = fileName.replaceFirst("\\.bpmn$", "");
        if (processes.stream().noneMatch(p -> p.getId().equals(expectedId))) {
            problems.add(fileName + ": no process with the file's name as id (" + expectedId + ")");
        }
        for (Process process : processes) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process.getId() + ": no history time to live");
            }
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(BpmnShape::getBpmnElement).filter(e -> e != null).map(BaseElement::getId).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String id = node.getId();
            if (GENERATED_ID.matcher(id).find()) {
                problems.add(id + ": generated id, give it a readable one (e.g. Task_ValidateRegistration)");
            }
            if (!shapes.contains(id)) {
                problems.add(id + ": no diagram shape (the file would not open cleanly in Camunda Modeler)");
            }
            if (node instanceof ServiceTask task) {
                checkDelegate(id, task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression(),
                        task.getCamundaType(), beanExists, problems);
            } else if (node instanceof SendTask task) {
                checkDelegate(id, task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression(),
                        task.getCamundaType(), beanExists, problems);
            } else if (node instanceof BusinessRuleTask task && task.getCamundaDecisionRef() == null) {
                checkDelegate(id, task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression(),
                        task.getCamundaType(), beanExists, problems);
            } else if (node instanceof UserTask task) {
                checkUserTask(task, formsDir, problems);
            } else if (node instanceof ThrowEvent event && !(node instanceof StartEvent)) {
                for (MessageEventDefinition message : event.getChildElementsByType(MessageEventDefinition.class)) {
                    checkDelegate(id, message.getCamundaDelegateExpression(), message.getCamundaClass(),
                            message.getCamundaExpression(), message.getCamundaType(), beanExists, problems);
                }
            }
        }
        return problems;
    }

    private static void checkDelegate(String id, String delegateExpression, String className, String expression,
            String type, Predicate<String> beanExists, List<String> problems) {
        if ("external".equals(type)) {
            return;
        }
        if (className != null || expression != null) {
            problems.add(id + ": use camunda:delegateExpression=\"${someDelegate}\" (a Spring bean), not a class or expression");
            return;
        }
        if (delegateExpression == null) {
            problems.add(id + ": no camunda:delegateExpression");
            return;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression);
        if (!bean.matches()) {
            problems.add(id + ": delegate expression " + delegateExpression + " is not a plain bean reference");
        } else if (!beanExists.test(bean.group(1))) {
            problems.add(id + ": no Spring bean named " + bean.group(1));
        }
    }

    private static void checkUserTask(UserTask task, Path formsDir, List<String> problems) {
        String id = task.getId();
        if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null && task.getCamundaCandidateUsers() == null) {
            problems.add(id + ": user task with no candidate group nor assignee");
        }
        String formRef = task.getCamundaFormRef();
        if (formRef == null) {
            problems.add(id + ": staff task without a Camunda Form (camunda:formRef)");
        } else {
            if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add(id + ": camunda:formRefBinding must be \"deployment\"");
            }
            if (!Files.isRegularFile(formsDir.resolve(formRef + ".form"))) {
                problems.add(id + ": form " + formRef + " is not forms/" + formRef + ".form");
            }
        }
    }
}
