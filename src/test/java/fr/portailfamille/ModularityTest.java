package fr.portailfamille;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries: each direct sub-package is a module; modules use each other only
 * through their public types, without cycles and within their declared dependencies; only the
 * modules that own a process, and {@code staff} (the Camunda identity), touch Camunda.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Every module of the portal, the {@code system} module at the bottom. */
    private static final List<String> ALL_MODULES = List.of("account", "activity", "agent", "apiparticulier", "attendance", "billing",
            "debit", "dunning", "family", "franceconnect", "messaging", "payment", "planning", "portal", "registration", "staff", "system");

    /** The modules that own a process (and {@code staff}, which owns the Camunda identity and grants). */
    private static final List<String> CAMUNDA_MODULES = List.of("account", "apiparticulier", "attendance", "billing", "debit", "dunning",
            "family", "messaging", "payment", "registration", "staff");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.portailfamille");

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrderElementsOf(ALL_MODULES);
    }

    @Test
    void systemDependsOnNoOtherModule() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.portailfamille.system..")
                .should().dependOnClassesThat().resideInAnyPackage(ALL_MODULES.stream()
                        .filter(module -> !module.equals("system"))
                        .map(module -> "fr.portailfamille." + module + "..")
                        .toArray(String[]::new));
        rule.check(CLASSES);
    }

    @Test
    void onlyTheModulesOwningAProcessOrTheIdentityTouchCamunda() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.portailfamille..")
                .and().resideOutsideOfPackages(CAMUNDA_MODULES.stream()
                        .map(module -> "fr.portailfamille." + module + "..")
                        .toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("org.camunda..");
        rule.check(CLASSES);
    }

    @Test
    void domainModulesDoNotDependOnThePortalPages() {
        noClasses().that().resideOutsideOfPackage("fr.portailfamille.portal..")
                .should().dependOnClassesThat().resideInAPackage("fr.portailfamille.portal..")
                .check(CLASSES);
    }
}
