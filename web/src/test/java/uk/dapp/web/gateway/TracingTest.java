package uk.dapp.web.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The web app's page requests are traced (ADR 0017): a page's calls to the gateway carry a W3C
 * {@code traceparent} of the page request's trace under a span of the web app's own, so the gateway's
 * spans (and the services' and outboxes' after them) are children of the page request's. With no
 * {@code traceparent} from the browser, the page request begins the trace.
 */
class TracingTest extends WebTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";
    private static final String CASE_ID = "7KQM4X-ZP9RTD-2HBWJG";

    @Test
    void aPageRequestBeginsATraceThatItsGatewayCallsCarry() throws Exception {
        GATEWAY.stubFor(get(anyUrl()).willReturn(notFound()));

        mvc.perform(MockMvcRequestBuilders.get("/cases/{caseId}", CASE_ID).with(offenderManager()));
        List<String> first = traceparentsSentToTheGateway();
        GATEWAY.resetRequests();
        mvc.perform(MockMvcRequestBuilders.get("/cases/{caseId}", CASE_ID).with(offenderManager()));
        List<String> second = traceparentsSentToTheGateway();

        assertThat(first).isNotEmpty().allMatch(header -> header.matches(TRACEPARENT));
        assertThat(second).isNotEmpty().allMatch(header -> header.matches(TRACEPARENT));
        // each page request its own trace, shared by all of its calls
        assertThat(first.stream().map(TracingTest::traceId).distinct()).hasSize(1);
        assertThat(second.stream().map(TracingTest::traceId).distinct()).hasSize(1);
        assertThat(traceId(first.getFirst())).isNotEqualTo(traceId(second.getFirst()));
    }

    @Test
    void continuesTheBrowsersTraceToTheGatewayUnderASpanOfItsOwn() throws Exception {
        GATEWAY.stubFor(get(anyUrl()).willReturn(notFound()));
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String browsersSpan = "00f067aa0ba902b7";

        mvc.perform(MockMvcRequestBuilders.get("/cases/{caseId}", CASE_ID)
                .header("traceparent", "00-" + trace + "-" + browsersSpan + "-01")
                .with(offenderManager()));

        List<String> sent = traceparentsSentToTheGateway();
        assertThat(sent).isNotEmpty().allMatch(header -> header.matches(TRACEPARENT));
        assertThat(sent).allMatch(header -> traceId(header).equals(trace));
        assertThat(sent).noneMatch(header -> header.split("-")[2].equals(browsersSpan));
    }

    private static List<String> traceparentsSentToTheGateway() {
        return GATEWAY.findAll(anyRequestedFor(urlPathMatching("/api/.*"))).stream()
                .map(request -> request.getHeader("traceparent"))
                .toList();
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }
}
