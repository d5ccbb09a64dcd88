package uk.dapp.gateway.notifications;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.NotificationsApi;
import uk.dapp.gateway.api.model.ComposedInboxDto;
import uk.dapp.gateway.api.model.ComposedUnreadCountDto;
import uk.dapp.gateway.caseview.Caller;

/** {@code GET /api/notifications} and its unread count, served by the gateway itself (gateway.yaml). */
@RestController
class InboxController implements NotificationsApi {

    private final InboxComposer composer;

    InboxController(InboxComposer composer) {
        this.composer = composer;
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public Mono<ResponseEntity<ComposedInboxDto>> getComposedNotifications(
            Boolean unreadOnly, Integer size, ServerWebExchange exchange) {
        return Caller.of(exchange, null)
                .flatMap(caller -> composer.inbox(caller, unreadOnly, size))
                .map(ResponseEntity::ok);
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public Mono<ResponseEntity<ComposedUnreadCountDto>> getComposedUnreadCount(ServerWebExchange exchange) {
        return Caller.of(exchange, null).flatMap(composer::unreadCount).map(ResponseEntity::ok);
    }
}
