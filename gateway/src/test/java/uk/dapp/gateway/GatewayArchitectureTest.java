package uk.dapp.gateway;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.testsupport.ArchitectureRules;
import uk.dapp.platform.testsupport.ArchitectureTest;

/** The platform's architecture rules on the gateway, and the one that is the gateway's own. */
class GatewayArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "uk.dapp.gateway";
    }

    @Override
    protected String[] generatedPackages() {
        return new String[] {"uk.dapp.gateway.api.."};
    }

    /** The composed case view, subject access export, inbox and outcome extract are made of the services' wire types. */
    @Override
    protected String[] wirePackages() {
        return new String[] {
            "uk.dapp.gateway.caseview..", "uk.dapp.gateway.notifications..", "uk.dapp.gateway.outcomes.."
        };
    }

    @Test
    void theGatewayBuildsOnThePlatformCoreOnly() {
        ArchitectureRules.gatewayUsesOnlyThePlatformCore().check(classes());
    }
}
