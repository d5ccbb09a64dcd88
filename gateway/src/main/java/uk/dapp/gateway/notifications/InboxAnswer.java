package uk.dapp.gateway.notifications;

import org.jspecify.annotations.Nullable;
import uk.dapp.gateway.api.model.PartStatusDto;

/** What one service's inbox came to: a status, and its answer only when AVAILABLE. */
record InboxAnswer<T>(
        InboxSource source, PartStatusDto status, @Nullable T body) {}
