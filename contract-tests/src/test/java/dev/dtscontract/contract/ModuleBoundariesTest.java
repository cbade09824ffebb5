package dev.dtscontract.contract;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What the main code of one module may use of another's, over every module this project ships (signing, api-spec,
 * server, client, emulator-junit, verifier): no main code uses a class that exists only in tests (a test-jar), no
 * module imports another module's {@code internal} package, the signing module and the spec model use no framework,
 * and no two top-level packages of the project import each other.
 */
class ModuleBoundariesTest {

    private static final String PROJECT = "dev.dtscontract";
    /** Test classes, in a module's own build (target/test-classes) or a test-jar on the class path. */
    private static final ImportOption NOT_A_TEST_JAR = location -> !location.contains("-tests.jar") && !location.contains("/test-classes/");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NOT_A_TEST_JAR)
            .importPackages(PROJECT);
    private static final Set<String> MAIN_NAMES = MAIN.stream().map(JavaClass::getName).collect(Collectors.toSet());

    @Test
    void everyModuleIsImported() {
        for (String module : new String[]{"signing", "spec", "server", "client", "emulator.junit", "verifier"}) {
            classes().that().resideInAPackage(PROJECT + "." + module + "..").should().bePublic().orShould().notBePublic()
                    .check(MAIN); // fails when no class of the module was found: the rules below would say nothing of it
        }
    }

    @Test
    void mainCode_usesNoClassThatOnlyTestsHave() {
        noClasses().should().dependOnClassesThat(new DescribedPredicate<JavaClass>("exist only in tests (a test-jar)") {
            @Override
            public boolean test(JavaClass target) {
                return target.getName().startsWith(PROJECT + ".") && !MAIN_NAMES.contains(target.getName())
                        && !target.getName().contains("$"); // a nested class is judged with its outer class
            }
        }).check(MAIN);
    }

    @Test
    void noModule_importsAnotherModulesInternalPackage() {
        classes().should(new ArchCondition<JavaClass>("use an internal package only from the module that owns it") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (target.startsWith(PROJECT) && internal > 0 && !origin.getPackageName().startsWith(target.substring(0, internal))) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                    }
                }
            }
        }).check(MAIN);
    }

    @Test
    void signingAndTheSpecModel_useNoFramework() {
        noClasses().that().resideInAnyPackage(PROJECT + ".signing..", PROJECT + ".spec..").should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut..", "io.netty..", "jakarta..", "io.swagger..", PROJECT + ".server..",
                        PROJECT + ".client..", PROJECT + ".verifier..")
                .check(MAIN);
    }

    @Test
    void noTwoTopLevelPackages_dependOnEachOther() {
        slices().matching(PROJECT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
