package uk.dapp.demo;

import uk.dapp.platform.testsupport.ArchitectureTest;

/** The platform's architecture rules on the demo population generator. */
class DemoDataArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.demo";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[0];
    }

    /** Loading is done through the generated clients, as a real user's requests are; the plan never sees them. */
    @Override
    protected String[] wirePackages() {
        return new String[] {"uk.dapp.demo.load.."};
    }
}
