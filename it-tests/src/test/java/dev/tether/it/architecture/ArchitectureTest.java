package dev.tether.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md §2, and the rules Maven cannot hold. */
class ArchitectureTest {
    private static final String[] FRAMEWORKS_AND_DRIVERS = {
            "io.micronaut..", "io.vertx..", "io.netty..", "org.postgresql..", "com.mysql..", "org.h2..", "com.zaxxer..",
            "io.micrometer.."};

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tether")
                .that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.tether.testing.."))); // tests' own fixtures
    }

    @Test
    void everyModuleIsOnTheClasspathOfThisCheck() {
        for (String module : new String[]{"dev.tether.api", "dev.tether.spi", "dev.tether.engine",
                "dev.tether.backend.postgres", "dev.tether.backend.mysql", "dev.tether.backend.h2", "dev.tether.backend.kit",
                "dev.tether.micronaut", "dev.tether.vertx", "dev.tether.micrometer"}) {
            if (library.stream().noneMatch(c -> c.getPackageName().startsWith(module))) {
                throw new AssertionError("no classes of " + module + " were imported; add the module to it-tests' dependencies");
            }
        }
    }

    @Test
    void apiAndEngineSeeNoFrameworkDriverOrBackend() {
        check(noClasses().that().resideInAnyPackage("dev.tether.api..", "dev.tether.spi..", "dev.tether.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_DRIVERS));
        check(noClasses().that().resideInAnyPackage("dev.tether.api..", "dev.tether.spi..", "dev.tether.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tether.backend..", "dev.tether.micronaut..",
                        "dev.tether.vertx..", "dev.tether.micrometer.."));
    }

    @Test
    void apiDoesNotSeeTheEngine() {
        check(noClasses().that().resideInAnyPackage("dev.tether.api..", "dev.tether.spi..")
                .should().dependOnClassesThat().resideInAPackage("dev.tether.engine.."));
    }

    @Test
    void backendsNeverSeeTheEngineOrAdapters() {
        check(noClasses().that().resideInAPackage("dev.tether.backend..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tether.engine..", "dev.tether.micronaut..",
                        "dev.tether.vertx.."));
    }

    @Test
    void backendsDoNotSeeEachOtherOrTheKit() {
        String[] backends = {"dev.tether.backend.postgres..", "dev.tether.backend.mysql..", "dev.tether.backend.h2..",
                "dev.tether.backend.kit.."};
        for (String backend : backends) {
            String[] others = java.util.Arrays.stream(backends).filter(other -> !other.equals(backend)).toArray(String[]::new);
            check(noClasses().that().resideInAPackage(backend).should().dependOnClassesThat().resideInAnyPackage(others));
        }
    }

    @Test
    void backendKitSeesOnlyTheApiAndJUnit() {
        check(noClasses().that().resideInAPackage("dev.tether.backend.kit..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_DRIVERS));
    }

    @Test
    void adaptersUseOnlyTheEnginesExportedApi() {
        check(noClasses().that().resideInAnyPackage("dev.tether.micronaut..", "dev.tether.vertx..", "dev.tether.micrometer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tether.engine.internal..", "dev.tether.backend.."));
    }

    @Test
    void adaptersDoNotSeeEachOther() {
        check(noClasses().that().resideInAPackage("dev.tether.micronaut..")
                .should().dependOnClassesThat().resideInAPackage("dev.tether.vertx.."));
        check(noClasses().that().resideInAPackage("dev.tether.vertx..")
                .should().dependOnClassesThat().resideInAPackage("dev.tether.micronaut.."));
    }

    @Test
    void libraryCodeNeitherPrintsNorDumpsStackTraces() {
        check(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS);
    }

    /** Statements and result sets are plain delegates: a reflective proxy costs ~10 ns and garbage per JDBC call. */
    @Test
    void engineUsesNoReflection() {
        check(noClasses().that().resideInAPackage("dev.tether.engine..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.reflect.."));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("dev.tether.(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(library);
    }
}
