package uk.dapp.platform.input;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * The largest request body each operation of a contract accepts: {@link OpenApiContract#DEFAULT_MAX_REQUEST_BYTES}
 * unless the operation states more in {@code x-max-request-bytes}. A request no operation matches
 * gets the default (it is refused anyway).
 */
public final class RequestBodyLimits {

    private record Limit(String method, PathPattern path, long maxBytes) {}

    private final List<Limit> limits;

    public RequestBodyLimits(OpenApiContract contract) {
        this(contract, "");
    }

    /** For a contract served under a prefix, as the gateway serves each service's under {@code /api/<service>}. */
    public RequestBodyLimits(OpenApiContract contract, String prefix) {
        PathPatternParser parser = new PathPatternParser();
        this.limits = contract.operations().stream()
                .map(operation -> new Limit(
                        operation.method(), parser.parse(prefix + operation.path()), operation.maxRequestBytes()))
                .toList();
    }

    /** The limit for a request, or the default when no operation matches; {@code path} as sent (percent-encoded). */
    public long maxBytes(String method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        for (Limit limit : limits) {
            if (limit.method().equalsIgnoreCase(method) && limit.path().matches(parsed)) {
                return limit.maxBytes();
            }
        }
        return OpenApiContract.DEFAULT_MAX_REQUEST_BYTES;
    }

    /** Whether any operation matches, under the prefix given at construction. */
    public boolean matches(String method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return limits.stream()
                .anyMatch(limit ->
                        limit.method().equalsIgnoreCase(method) && limit.path().matches(parsed));
    }
}
