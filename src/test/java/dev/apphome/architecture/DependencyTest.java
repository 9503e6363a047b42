package dev.apphome.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: components know nothing of how stack files are read, and no two
 * packages depend on each other, so a component can be used (and tested) without the rest.
 */
class DependencyTest {

    /** Packages that build resources, and the contracts they share. */
    static final String[] COMPONENTS = {"..alerts..", "..audit..", "..budget..", "..cache..", "..common..", "..database..", "..edge..", "..identity..", "..kafka..", "..keys..", "..registry..",
            "..loadbalancer..", "..messaging..", "..network..", "..secrets..", "..service..", "..storage..", "..tables..",
            "..wiring..", "..schema.."};

    /** The compiled program only: scanning the class path for the package also reads the 49 MB AWS jar. */
    private static final JavaClasses PROGRAM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target/classes"));

    @Test
    void noComponentPackageDependsOnTheSettingsLayer() {
        noClasses().that().resideInAnyPackage(COMPONENTS)
                .should().dependOnClassesThat().resideInAnyPackage("dev.apphome.config..", "dev.apphome.plan..")
                .check(PROGRAM);
    }

    @Test
    void noComponentPackageDependsOnTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(COMPONENTS)
                .should().dependOnClassesThat().resideInAPackage("dev.apphome")
                .check(PROGRAM);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.apphome.(*)..").should().beFreeOfCycles().check(PROGRAM);
    }

    @Test
    void theSchemaVocabularyDependsOnNothingOfTheProgram() {
        noClasses().that().resideInAPackage("dev.apphome.schema..")
                .should().dependOnClassesThat(resideInAPackage("dev.apphome..").and(not(resideInAPackage("..schema.."))))
                .check(PROGRAM);
    }

    /** The estimate reads only a preview document, so it prices a real preview exactly as bin/plan's. */
    @Test
    void theCostEstimateDependsOnNothingOfTheProgram() {
        noClasses().that().resideInAPackage("dev.apphome.cost..")
                .should().dependOnClassesThat(resideInAPackage("dev.apphome..").and(not(resideInAPackage("..cost.."))))
                .check(PROGRAM);
    }
}
