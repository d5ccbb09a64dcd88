package uk.dapp.gateway;

import uk.dapp.platform.contract.OpenApiContract;

/** The gateway's own operations ({@code api-specs/.../gateway.yaml}): its security rules and case ID paths come from it. */
public final class GatewayContract {

    public static final String NAME = "gateway";

    private GatewayContract() {}

    public static OpenApiContract load() {
        return OpenApiContract.forService(NAME);
    }
}
