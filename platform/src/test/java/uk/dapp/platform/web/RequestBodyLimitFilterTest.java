package uk.dapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.input.RequestBodyLimits;
import uk.dapp.platform.input.RequestBodyTooLargeException;

/** The body limit of each operation, declared or streamed (issue 13). */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            new RequestBodyLimits(OpenApiContract.load("contract-test/service.yaml")),
            new ProblemWriter(JsonMapper.builder().build()));

    private static MockHttpServletRequest post(byte[] body, boolean declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things") {
            @Override
            public long getContentLengthLong() {
                return declared ? super.getContentLengthLong() : -1;
            }

            @Override
            public int getContentLength() {
                return declared ? super.getContentLength() : -1;
            }
        };
        request.setContent(body);
        return request;
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413BeforeAnythingReadsIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (request, ignored) -> {
            throw new AssertionError("the request went on");
        };
        filter.doFilter(post(new byte[(int) OpenApiContract.DEFAULT_MAX_REQUEST_BYTES + 1], true), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("65536 bytes");
    }

    @Test
    void aBodyWithoutADeclaredLengthIsCutOffOncePastTheLimit() throws Exception {
        AtomicReference<Integer> read = new AtomicReference<>(0);
        FilterChain reader = (request, ignored) -> {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = request.getInputStream().read(buffer)) > 0) {
                int got = n;
                read.updateAndGet(total -> total + got);
            }
        };
        assertThatThrownBy(() -> filter.doFilter(post(new byte[200_000], false), new MockHttpServletResponse(), reader))
                .isInstanceOf(RequestBodyTooLargeException.class);
        assertThat(read.get()).isLessThanOrEqualTo((int) OpenApiContract.DEFAULT_MAX_REQUEST_BYTES);

        read.set(0);
        filter.doFilter(
                post(new byte[(int) OpenApiContract.DEFAULT_MAX_REQUEST_BYTES], false),
                new MockHttpServletResponse(),
                reader);
        assertThat(read.get()).isEqualTo((int) OpenApiContract.DEFAULT_MAX_REQUEST_BYTES);
    }
}
