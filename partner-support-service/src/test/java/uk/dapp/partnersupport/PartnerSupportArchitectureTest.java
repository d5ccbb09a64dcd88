package uk.dapp.partnersupport;

import uk.dapp.platform.testsupport.ArchitectureTest;

/** The platform's architecture rules on this service (next to its contract conformance test). */
class PartnerSupportArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.partnersupport";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[] {"uk.dapp.partnersupport.api.."};
    }
}
