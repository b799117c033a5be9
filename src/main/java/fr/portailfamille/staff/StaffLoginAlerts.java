package fr.portailfamille.staff;

import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.mail.MailService;
import fr.portailfamille.system.security.LoginThrottle;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators (every member of {@code camunda-admin} with an e-mail address) when too
 * many failed logins paused a staff account or blocked an address: once per pause, by mail, besides
 * the WARN line of the log.
 */
@Component
class StaffLoginAlerts {

    private final IdentityService identity;
    private final MailService mail;
    private final long minutes;

    StaffLoginAlerts(IdentityService identity, MailService mail, PortalProperties properties) {
        this.identity = identity;
        this.mail = mail;
        this.minutes = properties.loginThrottle().window().toMinutes();
    }

    @EventListener
    void on(LoginThrottle.LoginBlocked blocked) {
        if (blocked.realm() != LoginThrottle.Realm.STAFF) {
            return;
        }
        String subject = blocked.account()
                ? "Compte du personnel « " + blocked.username() + " » suspendu après des échecs de connexion"
                : "Adresse " + blocked.address() + " bloquée après des échecs de connexion du personnel";
        Map<String, Object> model = Map.of("account", blocked.account(), "username", blocked.username(),
                "address", blocked.address(), "minutes", minutes);
        for (User admin : identity.createUserQuery().memberOfGroup(StaffGroup.ADMIN).list()) {
            if (admin.getEmail() != null && !admin.getEmail().isBlank()) {
                mail.sendAfterCommit(admin.getEmail(), subject, "staff-login-blocked", model);
            }
        }
    }
}
