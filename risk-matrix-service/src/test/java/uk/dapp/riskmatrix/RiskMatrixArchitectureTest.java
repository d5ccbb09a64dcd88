package uk.dapp.riskmatrix;

import uk.dapp.platform.testsupport.ArchitectureTest;

/** The platform's architecture rules on this service (next to its contract conformance test). */
class RiskMatrixArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.riskmatrix";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[] {"uk.dapp.riskmatrix.api.."};
    }
}
