package fr.portailfamille.account;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo portal account {@code dupont} / {@code Portail-Demo-2026}, active and linked to file 100123. */
@Component
@Profile("demo")
class AccountDemoData implements DemoDataLoader {

    static final String USERNAME = "dupont";
    static final String PASSWORD = "Portail-Demo-2026";

    private final PortalAccountRepository accounts;
    private final FamilyFiles families;
    private final PasswordEncoder encoder;

    AccountDemoData(PortalAccountRepository accounts, FamilyFiles families, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.families = families;
        this.encoder = encoder;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        if (accounts.findByUsernameIgnoreCase(USERNAME).isPresent()) {
            return;
        }
        PortalAccount account = new PortalAccount(USERNAME, "famille.dupont@example.org", encoder.encode(PASSWORD),
                "Mme", "DUPONT", "Marie", "0612345678");
        account.activate(Instant.now());
        accounts.save(account);
        families.findByNumber("100123").ifPresent(file -> families.linkAccount(file.id(), account.getId()));
    }
}
