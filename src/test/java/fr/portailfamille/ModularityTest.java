package fr.portailfamille;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries: each direct sub-package is a module; modules use each other only
 * through their public types, without cycles and within their declared dependencies; only the
 * modules that own processes or identity touch Camunda.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("system", "account", "family", "activity", "staff", "portal");
    }

    @Test
    void systemDependsOnNoOtherModule() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.portailfamille");
        ArchRule rule = noClasses().that().resideInAPackage("fr.portailfamille.system..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fr.portailfamille.account..", "fr.portailfamille.family..", "fr.portailfamille.activity..",
                        "fr.portailfamille.staff..", "fr.portailfamille.portal..", "fr.portailfamille.registration..",
                        "fr.portailfamille.planning..", "fr.portailfamille.billing..", "fr.portailfamille.payment..",
                        "fr.portailfamille.messaging..");
        rule.check(classes);
    }

    @Test
    void domainModulesDoNotDependOnThePortalPages() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.portailfamille");
        noClasses().that().resideOutsideOfPackage("fr.portailfamille.portal..")
                .should().dependOnClassesThat().resideInAPackage("fr.portailfamille.portal..")
                .check(classes);
    }
}
