package fr.portailfamille.staff;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type, declared once in its process's class, e.g.
 * {@code static final ProcessVariable<Long> REGISTRATION_ID = ProcessVariable.id("registrationId")}.
 * Reading converts what Camunda stored (an id started as an {@code Integer} reads as a {@code Long})
 * and names the variable when the value has another type; no cast at the call sites.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final Function<Object, T> convert;

    private ProcessVariable(String name, Class<T> type, Function<Object, T> convert) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.convert = convert;
    }

    /** An id of one of our tables (any whole number stored). */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, Long.class, value -> value instanceof Number n ? n.longValue() : null);
    }

    /** A whole number. */
    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, Integer.class, value -> value instanceof Number n ? n.intValue() : null);
    }

    public static ProcessVariable<String> text(String name) {
        return of(name, String.class);
    }

    /** A yes/no answer, e.g. a staff decision. */
    public static ProcessVariable<Boolean> flag(String name) {
        return of(name, Boolean.class);
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, value -> type.isInstance(value) ? type.cast(value) : null);
    }

    public String name() {
        return name;
    }

    /** The value, or {@code null} when the variable is not set. */
    public T get(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    /** The value; a missing variable is an error of the process model. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("process variable " + name + " is not set");
        }
        return value;
    }

    /** True only when the variable holds {@code true} (a flag not set, or of another type, is no). */
    public boolean isTrue(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    /** The value in a map of variables (a process's variables, a completed form), or {@code null}. */
    public T in(Map<String, ?> variables) {
        return read(variables.get(name));
    }

    public void put(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Adds the value to variables given to the engine (a start, a message, a task completion). */
    public Map<String, Object> putIn(Map<String, Object> variables, T value) {
        variables.put(name, value);
        return variables;
    }

    private T read(Object value) {
        if (value == null) {
            return null;
        }
        T converted = convert.apply(value);
        if (converted == null) {
            throw new IllegalStateException("process variable " + name + " holds a " + value.getClass().getSimpleName()
                    + ", expected a " + type.getSimpleName());
        }
        return converted;
    }

    @Override
    public String toString() {
        return name;
    }
}
