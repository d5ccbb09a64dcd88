package uk.dapp.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import uk.dapp.platform.problem.FieldViolation;

/**
 * Spring Security's firewall refuses a path with an encoded NUL, slash, percent or dot segment
 * before any other filter runs, by default with an empty 400 without the security headers. This
 * answers it like every other refusal: problem+json naming the path, with the headers the security
 * chain would have written. The firewall's message quotes the path, so it is not echoed.
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    /** What the security chain's default header writers send on every answer. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final ProblemWriter problems;

    public ProblemRequestRejectedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
        problems.writeInvalid(
                request,
                response,
                List.of(new FieldViolation(
                        "path",
                        "PathForm",
                        "the path holds an encoded control character, slash, backslash or percent sign, a dot segment or"
                                + " another form that is refused")));
    }
}
