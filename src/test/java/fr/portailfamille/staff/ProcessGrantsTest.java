package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The permissions the modules declare ({@link ProcessGrants} beans) are given by one runner of
 * {@code staff}, at every start, to the groups of {@link StaffGroup}.
 */
class ProcessGrantsTest extends PortalIntegrationTest {

    @Autowired
    TasklistGrants runner;

    @Autowired
    AuthorizationService authorizations;

    @Test
    void theModulesDeclarationsAreGranted() {
        assertThat(may(StaffGroup.FINANCES, Permissions.CREATE_INSTANCE, "monthlyBilling")).isTrue();
        assertThat(may(StaffGroup.ENFANCE, Permissions.CREATE_INSTANCE, "monthlyBilling")).isFalse();
        assertThat(may(StaffGroup.GUICHET_UNIQUE, Permissions.CREATE_INSTANCE, "deskPayment")).isTrue();
        assertThat(may(StaffGroup.GUICHET_UNIQUE, Permissions.CREATE_INSTANCE, "familyFileCreation")).isTrue();
        assertThat(may(StaffGroup.FINANCES, Permissions.READ_HISTORY, "invoicePayment")).isTrue();
        for (StaffGroup group : StaffGroup.values()) {
            assertThat(may(group, Permissions.CREATE_INSTANCE, "writeToFamily")).as(group.id()).isTrue();
        }
    }

    @Test
    void aSharedProcessLosesTheDefinitionWideHistoryAnEarlierVersionGranted() {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.ENFANCE.id())
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("preRegistration").singleResult();
        grant.addPermission(Permissions.READ_HISTORY);
        authorizations.saveAuthorization(grant);
        assertThat(may(StaffGroup.ENFANCE, Permissions.READ_HISTORY, "preRegistration")).isTrue();

        runner.run(null);

        assertThat(may(StaffGroup.ENFANCE, Permissions.READ, "preRegistration")).isTrue();
        assertThat(may(StaffGroup.ENFANCE, Permissions.READ_HISTORY, "preRegistration")).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.ENFANCE.id())
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("preRegistration").count())
                .as("run again, nothing is added twice").isEqualTo(1);
    }

    private boolean may(StaffGroup group, Permission permission, String processKey) {
        return authorizations.isUserAuthorized("someone", List.of(group.id()), permission, Resources.PROCESS_DEFINITION, processKey);
    }
}
