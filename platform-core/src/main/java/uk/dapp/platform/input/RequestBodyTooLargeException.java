package uk.dapp.platform.input;

import java.io.IOException;

/** A request body went past its operation's limit while it was read: 413, and nothing was done. */
public class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The detail of the 413 answer. */
    public static String detail(long maxBytes) {
        return "The request body is larger than the " + maxBytes + " bytes this operation accepts";
    }
}
