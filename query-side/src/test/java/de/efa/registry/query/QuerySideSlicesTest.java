package de.efa.registry.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The query side's features depend on each other one way only: a read model's package (the projection that writes
 * it) knows nothing of the views built on it, so a feature can be read, tested or moved on its own.
 */
@AnalyzeClasses(packages = "de.efa.registry.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideSlicesTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("de.efa.registry.query.(*)..")
            .should().beFreeOfCycles();
}
