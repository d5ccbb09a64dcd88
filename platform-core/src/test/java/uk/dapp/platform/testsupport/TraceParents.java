package uk.dapp.platform.testsupport;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Made-up W3C trace contexts, for a test that sends its requests inside traces of its own. */
public final class TraceParents {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A random trace ID: 32 hex digits. */
    public static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A sampled W3C trace context in the trace {@code traceId}, whose parent is the caller's own (made-up) span. */
    public static String traceparent(String traceId) {
        byte[] parent = new byte[8];
        RANDOM.nextBytes(parent);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(parent) + "-01";
    }

    private TraceParents() {}
}
