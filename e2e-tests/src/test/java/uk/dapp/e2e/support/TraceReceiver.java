package uk.dapp.e2e.support;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A collector of the spans every process exports, for the tracing tests (ADR 0017): an OTLP/HTTP
 * receiver on 127.0.0.1 that reads each export request (protobuf, as Spring Boot's exporter sends
 * it) and keeps, per span, the service that sent it, its trace and span IDs, its parent's, its name,
 * the spans it links to and its string attributes. The processes send here because the system is
 * started with this endpoint; nothing else receives their spans.
 */
public final class TraceReceiver {

    /**
     * One span as exported: the sending service ({@code service.name}), its trace, span and parent
     * span IDs (hex; the parent's empty for a root), its name, the spans it links to, and its
     * attributes with string values.
     */
    public record Span(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            List<Linked> links,
            Map<String, String> tags) {}

    /** A span another span links to (a span link), by its trace and span IDs (hex). */
    public record Linked(String traceId, String spanId) {}

    /** Enough for a whole run; older spans are dropped first. */
    private static final int KEPT = 200_000;

    private final HttpServer server;
    private final Deque<Span> spans = new ArrayDeque<>();

    TraceReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                keep(ExportTraceServiceRequest.parseFrom(body));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (IOException | RuntimeException unreadable) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        synchronized (spans) {
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(value -> value.getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (var span : scope.getSpansList()) {
                        spans.addLast(new Span(
                                service,
                                hex.formatHex(span.getTraceId().toByteArray()),
                                hex.formatHex(span.getSpanId().toByteArray()),
                                hex.formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(),
                                span.getLinksList().stream()
                                        .map(link -> new Linked(
                                                hex.formatHex(link.getTraceId().toByteArray()),
                                                hex.formatHex(link.getSpanId().toByteArray())))
                                        .toList(),
                                span.getAttributesList().stream()
                                        .filter(attribute ->
                                                attribute.getValue().hasStringValue())
                                        .collect(Collectors.toMap(
                                                KeyValue::getKey,
                                                attribute ->
                                                        attribute.getValue().getStringValue(),
                                                (first, second) -> first))));
                        if (spans.size() > KEPT) {
                            spans.removeFirst();
                        }
                    }
                }
            }
        }
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    /** Where the processes export to (the OTLP/HTTP traces endpoint). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The IDs of the traces received so far holding a span of this service whose name contains these words. */
    public java.util.Set<String> tracesWith(String service, String nameContains) {
        synchronized (spans) {
            return spans.stream()
                    .filter(span ->
                            span.service().equals(service) && span.name().contains(nameContains))
                    .map(Span::traceId)
                    .collect(Collectors.toSet());
        }
    }

    /** The spans received so far of one trace. */
    public List<Span> trace(String traceId) {
        synchronized (spans) {
            return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
        }
    }
}
