package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** A process variable read and written by its declared name and type, without casts. */
class ProcessVariableTest {

    static final ProcessVariable<Long> REGISTRATION_ID = ProcessVariable.id("registrationId");
    static final ProcessVariable<String> REASON = ProcessVariable.text("reason");
    static final ProcessVariable<Boolean> APPROVED = ProcessVariable.flag("approved");
    static final ProcessVariable<Integer> BATCH = ProcessVariable.integer("batch");

    @Test
    void anIdStartedAsAnIntegerReadsAsALong() {
        Scope scope = new Scope();
        scope.setVariable("registrationId", 42);
        assertThat(REGISTRATION_ID.get(scope.proxy)).isEqualTo(42L);
        assertThat(REGISTRATION_ID.require(scope.proxy)).isEqualTo(42L);
        assertThat(REGISTRATION_ID.name()).isEqualTo("registrationId");
    }

    @Test
    void whatIsPutIsReadBack() {
        Scope scope = new Scope();
        REASON.put(scope.proxy, "Dossier incomplet");
        APPROVED.put(scope.proxy, false);
        BATCH.put(scope.proxy, 500);
        assertThat(scope.getVariable("reason")).isEqualTo("Dossier incomplet");
        assertThat(REASON.get(scope.proxy)).isEqualTo("Dossier incomplet");
        assertThat(APPROVED.get(scope.proxy)).isFalse();
        assertThat(APPROVED.isTrue(scope.proxy)).isFalse();
        assertThat(BATCH.get(scope.proxy)).isEqualTo(500);
    }

    @Test
    void aMissingVariableIsNullOrAnErrorWhenRequired() {
        Scope scope = new Scope();
        assertThat(REASON.get(scope.proxy)).isNull();
        assertThat(APPROVED.isTrue(scope.proxy)).isFalse();
        assertThatThrownBy(() -> REGISTRATION_ID.require(scope.proxy)).hasMessageContaining("registrationId");
    }

    @Test
    void aValueOfAnotherTypeNamesTheVariable() {
        Scope scope = new Scope();
        scope.setVariable("approved", "oui");
        assertThatThrownBy(() -> APPROVED.get(scope.proxy)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approved").hasMessageContaining("String").hasMessageContaining("Boolean");
        assertThat(APPROVED.isTrue(scope.proxy)).isFalse();
    }

    @Test
    void mapsOfVariablesAreReadAndFilled() {
        Map<String, Object> variables = REGISTRATION_ID.putIn(new HashMap<>(), 7L);
        APPROVED.putIn(variables, true);
        assertThat(variables).containsEntry("registrationId", 7L).containsEntry("approved", true);
        assertThat(REGISTRATION_ID.in(Map.of("registrationId", 7))).isEqualTo(7L);
        assertThat(REASON.in(Map.of())).isNull();
    }

    /** The variables of an execution or a task, in memory: only what a delegate uses. */
    static final class Scope {
        private final Map<String, Object> values = new HashMap<>();
        private final VariableScope proxy = (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (self, method, args) -> switch (method.getName()) {
                    case "getVariable" -> values.get((String) args[0]);
                    case "setVariable" -> values.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        void setVariable(String name, Object value) {
            values.put(name, value);
        }

        Object getVariable(String name) {
            return values.get(name);
        }
    }
}
