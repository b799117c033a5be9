package fr.portailfamille.staff;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What the engine needs so that staff act only within their groups, on live and historic data alike:
 * <ul>
 *   <li>historic instance permissions: a service reads the history of the tasks it was given and of
 *       their process instances ({@link ServiceAuthorizationProvider}), not of a whole process shared
 *       with other services;</li>
 *   <li>comments and attachments checked like the task itself ({@link TaskNotesGuard});</li>
 *   <li>each task's own copy of the variables its Tasklist card shows ({@link CardVariables});</li>
 *   <li>no lock of a user by the engine after failed passwords, neither for good (by default after 10
 *       failures) nor for a growing delay: anyone could lock a service's account that way. Failed
 *       logins are throttled per address and per account before they reach the engine
 *       ({@link StaffLoginThrottleFilter}), with a pause that ends and a mail to the administrators.</li>
 * </ul>
 */
@Component
class StaffEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.setResourceAuthorizationProvider(new ServiceAuthorizationProvider());
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(0);
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new TaskNotesGuard());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new CardVariables.ParseListener());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
}
