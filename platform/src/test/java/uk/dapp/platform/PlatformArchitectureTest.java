package uk.dapp.platform;

import uk.dapp.platform.testsupport.ArchitectureTest;

/** The architecture rules on the platform itself. */
class PlatformArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.platform";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[] {"uk.dapp.platform.api.."};
    }
}
