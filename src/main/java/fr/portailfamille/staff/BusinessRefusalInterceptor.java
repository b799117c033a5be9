package fr.portailfamille.staff;

import fr.portailfamille.system.BusinessRefusal;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A {@link BusinessRefusal} raised inside an engine command (a start form checked by a listener, a
 * task completed without its decision) leaves the engine as the exception the REST API answers with
 * 400 and the French message, not 500: a form validation failure for a submitted form or a completed
 * task (what {@code submit-form} and {@code complete} map to 400, and Tasklist shows under the form),
 * a bad request otherwise. The command's transaction is rolled back as for any exception.
 */
class BusinessRefusalInterceptor extends CommandInterceptor {

    private static final Set<Class<?>> FORM_COMMANDS = Set.of(SubmitStartFormCmd.class, SubmitTaskFormCmd.class, CompleteTaskCmd.class);

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            BusinessRefusal refusal = refusalIn(e);
            if (refusal == null) {
                throw e;
            }
            if (FORM_COMMANDS.contains(command.getClass())) {
                throw e instanceof FormFieldValidationException ? e : new FormFieldValidationException(null, refusal.getMessage(), refusal);
            }
            throw e instanceof BadUserRequestException ? e : new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }

    private static BusinessRefusal refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BusinessRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
