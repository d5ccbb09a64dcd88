package uk.dapp.platform.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * {@link ArchitectureRules} applied to one module: a module's test extends this with its base
 * package and the packages of its generated interfaces and wire types.
 */
public abstract class ArchitectureTest {

    /** e.g. {@code uk.dapp.riskmatrix} */
    protected abstract String basePackage();

    /** The packages generated from the contract, e.g. {@code uk.dapp.riskmatrix.api..}. */
    protected abstract String[] generatedPackages();

    /** Packages besides the usual edges whose whole job is the wire; none for a service. */
    protected String[] wirePackages() {
        return new String[0];
    }

    protected JavaClasses classes() {
        return ArchitectureRules.mainClassesOf(basePackage());
    }

    @Test
    void noTwoPackagesImportEachOther() {
        ArchitectureRules.noPackageLoops(basePackage()).check(classes());
    }

    @Test
    void domainRulesUseNoSpringAndNoMongo() {
        ArchitectureRules.rulesArePlainJava().check(classes());
    }

    @Test
    void generatedWireTypesStayAtTheEdges() {
        ArchitectureRules.wireTypesOnlyAtTheEdges(generatedPackages(), wirePackages())
                .check(classes());
    }
}
