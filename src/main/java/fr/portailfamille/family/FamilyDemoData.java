package fr.portailfamille.family;

import fr.portailfamille.system.demo.DemoDataLoader;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The two demo family files: 100123 DUPONT (with an account, CAF) and 100124 DURAND (without, MSA). */
@Component
@Profile("demo")
class FamilyDemoData implements DemoDataLoader {

    static final String DUPONT = "100123";
    static final String DURAND = "100124";

    private final FamilyFileRepository files;
    private final FamilyDetailsStore details;

    FamilyDemoData(FamilyFileRepository files, FamilyDetailsStore details) {
        this.files = files;
        this.details = details;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        if (files.findByNumber(DUPONT).isEmpty()) {
            FamilyFile dupont = new FamilyFile(DUPONT, "DUPONT").withAddress("12 rue des Écoles", "59210", "Belcourt");
            dupont.addGuardian(new Guardian("Mme", "DUPONT", "Marie", "Mère", "famille.dupont@example.org", "0612345678"));
            dupont.addGuardian(new Guardian("M.", "DUPONT", "Julien", "Père", "julien.dupont@example.org", "0698765432"));
            dupont.addChild(new Child("DUPONT", "Hugo", LocalDate.of(2016, 3, 14), "M", "École Jules Ferry", "CM2"));
            dupont.addChild(new Child("DUPONT", "Léa", LocalDate.of(2019, 9, 2), "F", "École Jules Ferry", "GS"));
            dupont.addChild(new Child("DUPONT", "Chloé", LocalDate.of(2021, 6, 21), "F", "École maternelle Les Tilleuls", "PS"));
            files.save(dupont);
        }
        if (files.findByNumber(DURAND).isEmpty()) {
            FamilyFile durand = new FamilyFile(DURAND, "DURAND").withAddress("3 allée des Peupliers", "59210", "Belcourt");
            durand.addGuardian(new Guardian("Mme", "DURAND", "Sophie", "Mère", "famille.durand@example.org", "0711223344"));
            durand.addChild(new Child("DURAND", "Nathan", LocalDate.of(2018, 1, 30), "M", "École Jules Ferry", "CE2"));
            files.save(durand);
        }
        // their schemes for the CAF report: DUPONT at the CAF, DURAND at the MSA (set once: the Guichet Unique may change them)
        files.findByNumber(DUPONT).filter(f -> f.getRegime() == null).ifPresent(f -> {
            f.changeRegime(Regime.CAF);
            files.save(f);
        });
        files.findByNumber(DURAND).filter(f -> f.getRegime() == null).ifPresent(f -> {
            f.changeRegime(Regime.MSA);
            files.save(f);
        });
        files.findByNumber(DUPONT).filter(f -> !details.hasQuotient(f.getId())).ifPresent(f -> details.addQuotient(f.getId(),
                new QuotientFamilial(850, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 8, 31), "CAF")));
    }
}
