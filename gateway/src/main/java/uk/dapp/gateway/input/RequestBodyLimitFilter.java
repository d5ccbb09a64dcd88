package uk.dapp.gateway.input;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.gateway.routing.RoutedService;
import uk.dapp.gateway.security.AfterSecurityOrder;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.contract.RequestBodyLimits;
import uk.dapp.platform.web.RequestBodyTooLargeException;

/**
 * No request body larger than its operation accepts is forwarded: each service's limits are read
 * from its contract ({@code x-max-request-bytes}, else 64 KiB), under the service's prefix, the
 * same limits the service itself enforces. A declared length over the limit is answered 413 before
 * anything is read or forwarded; a body without one (chunked) is counted as it streams through and
 * broken off with 413 once it passes the limit (before the service has answered).
 *
 * <p>Runs after the security chain: an anonymous caller gets 401 and sends nothing on.
 */
@Component
@Order(AfterSecurityOrder.REQUEST_BODY_LIMIT)
public class RequestBodyLimitFilter implements WebFilter {

    private final List<RequestBodyLimits> limits = new ArrayList<>();
    private final ProblemWriter problems;

    public RequestBodyLimitFilter(ProblemWriter problems) {
        this.problems = problems;
        for (RoutedService service : RoutedService.values()) {
            limits.add(new RequestBodyLimits(OpenApiContract.forService(service.contract()), service.prefix()));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = maxBytes(request.getMethod().name(), request.getPath().pathWithinApplication().value());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, RequestBodyTooLargeException.detail(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong read = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > limit) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new RequestBodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private long maxBytes(String method, String path) {
        for (RequestBodyLimits service : limits) {
            if (service.matches(method, path)) {
                return service.maxBytes(method, path);
            }
        }
        return OpenApiContract.DEFAULT_MAX_REQUEST_BYTES;
    }
}
