package uk.dapp.gateway.input;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
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
import uk.dapp.platform.input.RequestBodyLimits;
import uk.dapp.platform.input.RequestBodyTooLargeException;

/**
 * No request body larger than its operation accepts is forwarded: each service's limits are read
 * from its contract ({@code x-max-request-bytes}, else 64 KiB), under the service's prefix, the
 * same limits the service itself enforces. A declared length over the limit is answered 413 before
 * anything is read or forwarded. A body sent without a length (chunked) is gathered first, up to
 * the limit (so at most the limit is held per request), and forwarded with its length; past the
 * limit it is 413 and nothing is forwarded. (Streamed through and cut off instead, it reached the
 * service truncated, and the caller got a 502 or a 400 about broken JSON rather than the 413.)
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
        long declared = request.getHeaders().getContentLength();
        boolean chunked = declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            // no body (most requests are reads): no limit to look up among the contracts' operations
            return chain.filter(exchange);
        }
        long limit = maxBytes(
                request.getMethod().name(),
                request.getPath().pathWithinApplication().value());
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, RequestBodyTooLargeException.detail(limit));
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) limit)
                .onErrorMap(DataBufferLimitException.class, e -> new RequestBodyTooLargeException(limit))
                .map(body -> withLength(request, body))
                .defaultIfEmpty(withLength(request, null))
                .flatMap(gathered ->
                        chain.filter(exchange.mutate().request(gathered).build()));
    }

    /** The request with its gathered body and that body's length instead of chunked encoding. */
    private static ServerHttpRequest withLength(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body == null ? 0 : body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body == null ? Flux.empty() : Flux.just(body);
            }
        };
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
