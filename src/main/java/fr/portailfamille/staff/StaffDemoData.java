package fr.portailfamille.staff;

import fr.portailfamille.system.demo.DemoDataLoader;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo staff, password {@code demo}: guichet, enfance, restauration, finances
 * ({@code admin} comes from {@code camunda.bpm.admin-user}).
 */
@Component
@Profile("demo")
class StaffDemoData implements DemoDataLoader {

    static final String PASSWORD = "demo";

    private final IdentityService identity;

    StaffDemoData(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        user("guichet", "Nadia", "Lefebvre", "guichet@belcourt.example.org", StaffGroup.GUICHET_UNIQUE);
        user("enfance", "Thomas", "Martin", "enfance@belcourt.example.org", StaffGroup.ENFANCE);
        user("restauration", "Isabelle", "Petit", "restauration@belcourt.example.org", StaffGroup.RESTAURATION);
        user("finances", "Karim", "Benali", "finances@belcourt.example.org", StaffGroup.FINANCES);
    }

    private void user(String id, String firstName, String lastName, String email, StaffGroup group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group.id()).count() == 0) {
            identity.createMembership(id, group.id());
        }
    }
}
