package de.efa.registry.command.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain — aggregates, policies, processes — speaks of municipalities, versions and rules, never of HTTP: it
 * refuses with the kernel's domain exceptions, and the web edge ({@code ..web} sub-packages) answers them as problems.
 */
class DomainWithoutHttpTest {

    /** The packages of the aggregates, their policies and processes; their sub-packages are edges. */
    private static final String[] DOMAIN = {
            "de.efa.registry.command.municipality",
            "de.efa.registry.command.service",
            "de.efa.registry.command.cooperation",
            "de.efa.registry.command.adoption",
            "de.efa.registry.command.retirement",
            "de.efa.registry.command.reuse",
            "de.efa.registry.command.region",
            "de.efa.registry.command.authority"};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.efa.registry");

    @Test
    void noDomainClassKnowsHttpOrTheWebEdge() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..", "de.efa.registry..web..")
                .check(classes);
    }

    @Test
    void theDomainRefusesWithDomainExceptionsNotProblems() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().haveFullyQualifiedName("de.efa.registry.platform.web.RegistryProblem")
                .check(classes);
    }
}
