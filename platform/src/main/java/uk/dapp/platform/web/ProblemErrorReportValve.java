package uk.dapp.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers itself, before Spring sees the request (a path with an encoded NUL, for
 * example, is refused as it is parsed): problem+json with the security headers, as every other
 * refusal, instead of Tomcat's HTML error page. Tomcat's message is not echoed: it may quote the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(
                        "{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Invalid request" : "Server error")
                                + "\",\"status\":" + status + ",\"detail\":\""
                                + (status < 500
                                        ? "The request could not be read (its path, query or headers are malformed)"
                                        : "Something went wrong on our side")
                                + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer has begun: nothing more can be sent
        }
    }
}
