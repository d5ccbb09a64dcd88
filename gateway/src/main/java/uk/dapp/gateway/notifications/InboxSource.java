package uk.dapp.gateway.notifications;

import java.util.List;
import uk.dapp.gateway.routing.RoutedService;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * One service's share of the composed inbox: its own inbox operations (common.yaml, served by the
 * platform in every service), found in its contract, which also gives the roles it serves them to.
 */
record InboxSource(RoutedService service, OpenApiContract.Operation list, OpenApiContract.Operation unreadCount) {

    static final List<InboxSource> ALL =
            List.of(of(RoutedService.RISK_MATRIX), of(RoutedService.PROGRAMME), of(RoutedService.PARTNER_SUPPORT));

    private static InboxSource of(RoutedService service) {
        return new InboxSource(
                service, operation(service, "listNotifications"), operation(service, "countUnreadNotifications"));
    }

    private static OpenApiContract.Operation operation(RoutedService service, String operationId) {
        return OpenApiContract.forService(service.contract()).operations().stream()
                .filter(candidate -> operationId.equals(candidate.operationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.contract() + " has no operation " + operationId));
    }

    /** Whether any of the caller's realm roles is one the service serves its inbox to. */
    boolean servesAnyOf(java.util.Collection<String> roles) {
        return list.roles().stream().anyMatch(roles::contains);
    }

    /** The circuit breaker's name: the inbox's own, so a slow inbox never opens the case view's breaker. */
    String breakerName() {
        return service.key() + "-inbox";
    }
}
