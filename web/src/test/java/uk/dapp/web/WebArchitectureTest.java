package uk.dapp.web;

import uk.dapp.platform.testsupport.ArchitectureTest;

/**
 * The platform's architecture rules on the web app: no package loops and plain-Java rule classes.
 * The whole app is an edge (its package is {@code web}): it works with the gateway's generated
 * clients by design, so the wire-type rule leaves it free.
 */
class WebArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.web";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[0];
    }
}
