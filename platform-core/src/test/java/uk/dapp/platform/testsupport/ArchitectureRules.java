package uk.dapp.platform.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The fences that keep every module's inside easy to change, written once and applied by each
 * module's {@link ArchitectureTest} (next to its contract conformance test):
 * <ul>
 * <li>no import loops: no two packages of a module depend on each other, directly or through
 * others (each package is its own slice, so a {@code web} subpackage may sit above the packages it
 * draws on, as {@code referral.web} does);</li>
 * <li>domain rules are plain Java: a class named {@code *Rules}, {@code *Scoring}, {@code *Machine},
 * {@code *Advisor} or {@code *Policy} uses no Spring and no MongoDB;</li>
 * <li>the generated wire types stay at the edges: only controllers, mappers ({@code *Mapper},
 * {@code *Dtos}), exports ({@code *Export}, {@code *Exports}, {@code *ExportPart}) and the
 * {@code web}, {@code views} and {@code caseevents} packages use them;</li>
 * <li>the gateway uses only the platform's core, never the store, the outbox or the servlet side.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** The module's own main classes under {@code basePackage} (no tests, no jars). */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static ArchRule noPackageLoops(String basePackage) {
        return slices().matching(basePackage + ".(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a package that imports another which imports it back cannot be understood or changed "
                        + "alone; put shared values in a leaf package and lift composing classes above");
    }

    public static ArchRule rulesArePlainJava() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Rules")
                .or()
                .haveSimpleNameEndingWith("Scoring")
                .or()
                .haveSimpleNameEndingWith("Machine")
                .or()
                .haveSimpleNameEndingWith("Advisor")
                .or()
                .haveSimpleNameEndingWith("Policy")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .because("domain rules are plain Java classes: web and persistence stay at the edges")
                .allowEmptyShould(true);
    }

    /**
     * @param generated the packages holding the module's generated interfaces and wire types
     * @param edges     further packages whose whole job is the wire (the gateway's composed views)
     */
    public static ArchRule wireTypesOnlyAtTheEdges(String[] generated, String... edges) {
        List<String> wire = new ArrayList<>(List.of(generated));
        wire.addAll(List.of("uk.dapp.client..", "uk.dapp.platform.api.."));
        List<String> wireOrEdge = new ArrayList<>(wire);
        wireOrEdge.addAll(List.of("..web..", "..views..", "..caseevents.."));
        wireOrEdge.addAll(List.of(edges));
        return noClasses()
                .that()
                .resideOutsideOfPackages(wireOrEdge.toArray(String[]::new))
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .and()
                .haveSimpleNameNotEndingWith("Mapper")
                .and()
                .haveSimpleNameNotEndingWith("Dtos")
                .and()
                .haveSimpleNameNotEndingWith("Export")
                .and()
                .haveSimpleNameNotEndingWith("Exports")
                .and()
                .haveSimpleNameNotEndingWith("ExportPart")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(wire.toArray(String[]::new))
                .because("generated API types belong to the wire: services and rules work with the domain's own types")
                .allowEmptyShould(true);
    }

    public static ArchRule gatewayUsesOnlyThePlatformCore() {
        return noClasses()
                .that()
                .resideInAPackage("uk.dapp.gateway..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "uk.dapp.platform.store..",
                        "uk.dapp.platform.outbox..",
                        "uk.dapp.platform.web..",
                        "uk.dapp.platform.audit..",
                        "uk.dapp.platform.calls..",
                        "uk.dapp.platform.holding..",
                        "uk.dapp.platform.evaluator..",
                        "jakarta.servlet..")
                .because("the gateway is reactive and holds no case data: it builds on platform-core only");
    }
}
