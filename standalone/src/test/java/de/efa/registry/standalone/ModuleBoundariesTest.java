package de.efa.registry.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Command side and query side never depend on each other; the kernel depends on neither. */
class ModuleBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.efa.registry");

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage("de.efa.registry.command..")
                .should().dependOnClassesThat().resideInAPackage("de.efa.registry.query..")
                .check(classes);
    }

    @Test
    void theQuerySideDoesNotKnowTheCommandSide() {
        noClasses().that().resideInAPackage("de.efa.registry.query..")
                .should().dependOnClassesThat().resideInAPackage("de.efa.registry.command..")
                .check(classes);
    }

    @Test
    void theSharedKernelKnowsNeitherSide() {
        noClasses().that().resideInAnyPackage("de.efa.registry.kernel..", "de.efa.registry.eventstore..",
                        "de.efa.registry.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("de.efa.registry.command..", "de.efa.registry.query..",
                        "de.efa.registry.standalone..")
                .check(classes);
    }
}
