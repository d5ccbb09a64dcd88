package uk.dapp.web.outcomes.extract;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.dapp.client.gateway.api.OutcomesApi;
import uk.dapp.web.errors.DownloadBrokenOffException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;

/**
 * The anonymised outcome extract ({@code GET /api/outcomes/extract}), in three steps:
 * <ol>
 * <li>choose CSV or JSON (and, if wanted, a larger k);</li>
 * <li>read the statement of what was generalised and suppressed, before anything is downloaded:
 * the web app asks for the extract at a fixed snapshot, reads the {@code X-Extract-*} headers the
 * gateway sends before the first row, and closes the answer unread (the JDK client cancels it, so
 * the gateway's second pass stops: no extract is fetched whole to be thrown away);</li>
 * <li>download: the same snapshot and k again, the headers held to the statement read (if the
 * figures changed meanwhile, nothing is sent and the new statement is shown), then the gateway's
 * bytes are copied to the browser as they arrive, a buffer at a time, never held whole. The length
 * is not known ahead, so the browser shows its own download progress (bytes so far).</li>
 * </ol>
 */
@Controller
public class ExtractController {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractController.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.UK);

    private final OutcomesApi outcomes;
    private final Clock clock;

    public ExtractController(OutcomesApi outcomes) {
        this.outcomes = outcomes;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/outcomes/extract")
    String form(Model model) {
        model.addAttribute("extract", new ExtractForm());
        return "outcomes/extract/choose";
    }

    @GetMapping("/outcomes/extract/statement")
    String statement(
            @ModelAttribute("extract") ExtractForm form,
            BindingResult errors,
            @RequestParam(required = false) String changed,
            Model model) {
        if (errors.hasErrors()) {
            return "outcomes/extract/choose";
        }
        // a few seconds back, so that a clock a little ahead of the gateway's never asks for the future
        OffsetDateTime asOf =
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        ExtractStatement statement;
        try {
            statement = readStatement(form.getFormat(), form.getK(), asOf);
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return "outcomes/extract/choose";
        }
        model.addAttribute("statement", statement);
        model.addAttribute(
                "download",
                UriComponentsBuilder.fromPath("/outcomes/extract/download")
                        .queryParam("format", statement.format())
                        .queryParam("k", statement.k())
                        .queryParam(
                                "asOf",
                                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                        asOf.withOffsetSameInstant(ZoneOffset.UTC)))
                        .queryParam("statement", statement.digest())
                        .encode()
                        .build()
                        .toUriString());
        model.addAttribute("changed", changed != null);
        model.addAttribute("backLink", "/outcomes/extract");
        return "outcomes/extract/statement";
    }

    /** The headers of the answer, its body closed unread. */
    private ExtractStatement readStatement(String format, Integer k, OffsetDateTime asOf) {
        ResponseEntity<InputStreamResource> answer =
                outcomes.getOutcomeExtractWithResponseSpec(asOf, format, k).toEntity(InputStreamResource.class);
        try (InputStream unread = body(answer)) {
            return ExtractStatement.of(answer.getHeaders(), format == null ? "csv" : format, asOf);
        } catch (IOException closing) {
            throw new IllegalStateException("could not close the extract's answer", closing);
        }
    }

    @GetMapping("/outcomes/extract/download")
    void download(
            @RequestParam String format,
            @RequestParam int k,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
            @RequestParam String statement,
            HttpServletResponse response)
            throws IOException {
        ResponseEntity<InputStreamResource> answer =
                outcomes.getOutcomeExtractWithResponseSpec(asOf, format, k).toEntity(InputStreamResource.class);
        try (InputStream extract = body(answer)) {
            ExtractStatement now = ExtractStatement.of(answer.getHeaders(), format, asOf);
            if (!now.digest().equals(statement)) {
                // what would be downloaded is not what the evaluator read: nothing is sent; the new statement is shown
                response.sendRedirect(UriComponentsBuilder.fromPath("/outcomes/extract/statement")
                        .queryParam("format", format)
                        .queryParam("k", k)
                        .queryParam("changed", "")
                        .encode()
                        .build()
                        .toUriString());
                return;
            }
            HttpHeaders from = answer.getHeaders();
            response.setContentType(
                    from.getContentType() == null
                            ? "application/octet-stream"
                            : from.getContentType().toString());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("outcome-extract-" + FILE_TIME.format(asOf.withOffsetSameInstant(ZoneOffset.UTC))
                                    + "." + ("json".equals(format) ? "json" : "csv"))
                            .build()
                            .toString());
            for (String header : ExtractStatement.HEADERS) {
                if (from.getFirst(header) != null) {
                    response.setHeader(header, from.getFirst(header));
                }
            }
            copy(extract, response.getOutputStream());
        }
    }

    /** Copies as the bytes arrive, flushing each buffer to the browser; holds one buffer, never the extract. */
    private static void copy(InputStream extract, OutputStream browser) {
        byte[] buffer = new byte[16 * 1024];
        long copied = 0;
        while (true) {
            int read;
            try {
                read = extract.read(buffer);
            } catch (IOException brokenOff) {
                throw new DownloadBrokenOffException("the gateway's extract broke off after " + copied + " bytes ("
                        + brokenOff.getClass().getSimpleName() + ")");
            }
            if (read < 0) {
                return;
            }
            try {
                browser.write(buffer, 0, read);
                browser.flush();
            } catch (IOException browserGone) {
                // the download was cancelled in the browser: closing the gateway's answer stops its second pass
                LOG.info("An outcome extract download was stopped by the browser after {} bytes", copied);
                return;
            }
            copied += read;
        }
    }

    private static InputStream body(ResponseEntity<InputStreamResource> answer) {
        try {
            return answer.getBody() == null
                    ? InputStream.nullInputStream()
                    : answer.getBody().getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("the extract's answer has no body to read", e);
        }
    }
}
