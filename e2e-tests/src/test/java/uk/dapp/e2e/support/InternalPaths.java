package uk.dapp.e2e.support;

/**
 * Operations the services serve only to each other or to the gateway, never through it: the
 * outbox receivers ({@code /case-events/}, service accounts) and the evaluator contributions
 * ({@code /evaluator/}, raw case IDs for the gateway's extract). Through the gateway they are 404.
 */
public final class InternalPaths {

    private InternalPaths() {}

    public static boolean isInternal(String operationPath) {
        return operationPath.startsWith("/case-events/") || operationPath.startsWith("/evaluator/");
    }
}
