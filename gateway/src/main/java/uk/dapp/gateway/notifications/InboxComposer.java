package uk.dapp.gateway.notifications;

import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.model.ComposedInboxDto;
import uk.dapp.gateway.api.model.ComposedUnreadCountDto;
import uk.dapp.gateway.api.model.InboxItemDto;
import uk.dapp.gateway.api.model.InboxPartDto;
import uk.dapp.gateway.api.model.InboxServiceDto;
import uk.dapp.gateway.api.model.PartStatusDto;
import uk.dapp.gateway.caseview.Caller;
import uk.dapp.platform.api.model.NotificationPageDto;
import uk.dapp.platform.api.model.UnreadNotificationsDto;

/**
 * The caller's inbox over the three services, asked at once: each service's newest notifications
 * merged newest first, and the unread counts added up. A service that cannot answer is marked and
 * left out; nothing is added to what the services sent but which service sent it.
 */
class InboxComposer {

    private final InboxFetcher fetcher;

    InboxComposer(InboxFetcher fetcher) {
        this.fetcher = fetcher;
    }

    Mono<ComposedInboxDto> inbox(Caller caller, boolean unreadOnly, int size) {
        String query = "?page=0&size=" + size + "&unreadOnly=" + unreadOnly;
        return Flux.fromIterable(InboxSource.ALL)
                .flatMapSequential(source ->
                        fetcher.fetch(source, source.list().path() + query, NotificationPageDto.class, caller))
                .collectList()
                .map(answers -> {
                    List<InboxItemDto> items = answers.stream()
                            .filter(answer -> answer.body() != null)
                            .flatMap(answer -> answer.body().getItems().stream()
                                    .map(n -> new InboxItemDto(service(answer.source()), n)))
                            .sorted(Comparator.comparing((InboxItemDto item) ->
                                            item.getNotification().getCreatedAt())
                                    .reversed()
                                    .thenComparing(
                                            item -> item.getNotification().getNotificationId()))
                            .limit(size)
                            .toList();
                    List<InboxPartDto> parts = answers.stream()
                            .map(answer -> part(
                                    answer,
                                    answer.body() == null ? null : answer.body().getUnread()))
                            .toList();
                    return new ComposedInboxDto(items, total(parts), parts);
                });
    }

    Mono<ComposedUnreadCountDto> unreadCount(Caller caller) {
        return Flux.fromIterable(InboxSource.ALL)
                .flatMapSequential(source ->
                        fetcher.fetch(source, source.unreadCount().path(), UnreadNotificationsDto.class, caller))
                .collectList()
                .map(answers -> {
                    List<InboxPartDto> parts = answers.stream()
                            .map(answer -> part(
                                    answer,
                                    answer.body() == null ? null : answer.body().getUnread()))
                            .toList();
                    return new ComposedUnreadCountDto(total(parts), parts);
                });
    }

    private static InboxPartDto part(InboxAnswer<?> answer, Long unread) {
        InboxPartDto part = new InboxPartDto(service(answer.source()), answer.status());
        return answer.status() == PartStatusDto.AVAILABLE ? part.unread(unread) : part;
    }

    private static long total(List<InboxPartDto> parts) {
        return parts.stream()
                .filter(p -> p.getUnread() != null)
                .mapToLong(InboxPartDto::getUnread)
                .sum();
    }

    private static InboxServiceDto service(InboxSource source) {
        return InboxServiceDto.fromValue(source.service().key());
    }
}
