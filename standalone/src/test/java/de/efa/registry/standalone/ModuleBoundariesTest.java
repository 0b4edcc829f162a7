package de.efa.registry.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One rule per module boundary. The shared kernel is the language both sides speak and depends on nothing of ours;
 * the event store and the embedded store are engines that know no Spring; the platform knows the kernel and the
 * event store but neither side; the command side and the query side never know each other.
 */
class ModuleBoundariesTest {

    private static final String KERNEL = "de.efa.registry.kernel..";
    private static final String EVENT_STORE = "de.efa.registry.eventstore..";
    private static final String EMBEDDED_STORE = "de.efa.registry.embedded..";
    private static final String PLATFORM = "de.efa.registry.platform..";
    private static final String COMMAND = "de.efa.registry.command..";
    private static final String QUERY = "de.efa.registry.query..";
    private static final String STANDALONE = "de.efa.registry.standalone..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.efa.registry");

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAPackage(QUERY)
                .check(classes);
    }

    @Test
    void theQuerySideDoesNotKnowTheCommandSide() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAPackage(COMMAND)
                .check(classes);
    }

    @Test
    void theSharedKernelKnowsNothingOfOursAndNoFramework() {
        noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, EMBEDDED_STORE, PLATFORM, COMMAND, QUERY,
                        STANDALONE, "org.springframework..", "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void theEventStoreKnowsNeitherTheDomainNorSpring() {
        noClasses().that().resideInAPackage(EVENT_STORE)
                .should().dependOnClassesThat().resideInAnyPackage(KERNEL, EMBEDDED_STORE, PLATFORM, COMMAND, QUERY,
                        STANDALONE, "org.springframework..")
                .check(classes);
    }

    @Test
    void theEmbeddedStoreIsAMongoServerThatKnowsNothingOfTheRegistry() {
        noClasses().that().resideInAPackage(EMBEDDED_STORE)
                .should().dependOnClassesThat().resideInAnyPackage(KERNEL, EVENT_STORE, PLATFORM, COMMAND, QUERY,
                        STANDALONE, "org.springframework..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNeitherSideNorTheEmbeddedStore() {
        noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage(EMBEDDED_STORE, COMMAND, QUERY, STANDALONE)
                .check(classes);
    }
}
