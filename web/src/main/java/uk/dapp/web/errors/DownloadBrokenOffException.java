package uk.dapp.web.errors;

/**
 * The gateway's stream stopped in the middle of a download the browser had already begun
 * receiving. Nothing can be said on a page any more; what matters is that the browser never takes
 * the part it got for the whole file. {@code ErrorPages} hands this to the container, which cuts
 * the connection instead of ending the response (so the browser reports the download as failed).
 */
public class DownloadBrokenOffException extends RuntimeException {

    /**
     * Without the gateway's I/O exception as its cause: Spring takes an exception caused by one
     * like it (an EOF, a reset) for the browser having gone away and ends the response normally,
     * which is exactly what must not happen here.
     */
    public DownloadBrokenOffException(String message) {
        super(message);
    }
}
