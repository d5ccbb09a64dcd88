package uk.dapp.programme;

import uk.dapp.platform.testsupport.ArchitectureTest;

/** The platform's architecture rules on this service (next to its contract conformance test). */
class ProgrammeArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.programme";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[] {"uk.dapp.programme.api.."};
    }
}
