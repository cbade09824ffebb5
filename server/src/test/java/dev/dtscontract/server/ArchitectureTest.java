package dev.dtscontract.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The server's layers, stated once. Packages only point down: the domain (plain Java) ← authentication ← the edge (one
 * admitted request per request) ← the operation handlers (with the generated interface they implement) ← the emulator's own features (control API and
 * clock, journal, faults, console, seed, storage, tools) and the wiring. Run {@code mvn -pl server test -Dtest=ArchitectureTest} to see a
 * violation named class by class.
 */
class ArchitectureTest {

    private static final String SERVER = "dev.dtscontract.server";
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVER);

    @Test
    void layers_onlyPointDown() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(SERVER + ".domain..")
                .layer("Authentication").definedBy(SERVER + ".auth..")
                .layer("Edge").definedBy(SERVER + ".rpc..")
                .layer("Generated models").definedBy(SERVER + ".model..")
                .layer("Operations").definedBy(SERVER + ".operations..", SERVER + ".api..")
                .layer("Features").definedBy(SERVER + ".control..", SERVER + ".console..", SERVER + ".seed..", SERVER + ".logging..",
                        SERVER + ".tools..", SERVER + ".storage..", SERVER + ".journal..", SERVER + ".faults..")
                .layer("Wiring").definedBy(SERVER)
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Operations").mayOnlyBeAccessedByLayers("Features", "Wiring")
                .whereLayer("Generated models").mayOnlyBeAccessedByLayers("Edge", "Operations", "Features", "Wiring")
                .whereLayer("Edge").mayOnlyBeAccessedByLayers("Operations", "Features", "Wiring")
                .whereLayer("Authentication").mayOnlyBeAccessedByLayers("Edge", "Operations", "Features", "Wiring")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Authentication", "Edge", "Operations", "Features", "Wiring")
                .check(MAIN);
    }

    @Test
    void noTwoPackages_dependOnEachOther() {
        slices().matching(SERVER + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theDomain_knowsNoHttpNoFrameworkAndNoAuthentication() {
        noClasses().that().resideInAPackage(SERVER + ".domain..").should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut..", "io.netty..", "jakarta..", SERVER + ".auth..", "dev.dtscontract.signing..")
                .check(MAIN);
    }

    @Test
    void authentication_knowsNoHttpServer() {
        noClasses().that().resideInAPackage(SERVER + ".auth..").should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut.http..", "io.netty..")
                .check(MAIN);
    }

    @Test
    void everyPackage_isInALayer() {
        classes().should().resideInAnyPackage(SERVER, SERVER + ".domain..", SERVER + ".auth..", SERVER + ".rpc..", SERVER + ".model..",
                SERVER + ".operations..", SERVER + ".api..", SERVER + ".control..", SERVER + ".console..", SERVER + ".seed..",
                SERVER + ".logging..", SERVER + ".tools..", SERVER + ".storage..", SERVER + ".journal..", SERVER + ".faults..")
                .because("a package no layer names escapes the layer rules").check(MAIN);
    }

    @Test
    void onlyTheDataDirectory_readsAStoredSecret() {
        noClasses().that().resideOutsideOfPackage(SERVER + ".storage..").should()
                .callMethod(dev.dtscontract.server.domain.Secret.class, "disclose")
                .because("a secret is kept for the job and written only to the data directory (C-DURABLE) and to a snapshot "
                        + "exported with secrets=include (C-SNAPSHOT), never shown")
                .check(MAIN);
    }
}
