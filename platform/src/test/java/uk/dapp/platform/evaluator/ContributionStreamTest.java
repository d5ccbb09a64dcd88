package uk.dapp.platform.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamResource;
import uk.dapp.platform.privacy.Sensitivity;
import uk.dapp.platform.testsupport.SensitivityAssertions;

class ContributionStreamTest {

    record Row(
            @Sensitivity(DIRECT_IDENTIFIER) String caseId,
            @Sensitivity(SENSITIVE) int harm,
            @Sensitivity(SAFE) YearMonth month) {}

    record Leaky(
            @Sensitivity(DIRECT_IDENTIFIER) String caseId,
            @Sensitivity(FREE_TEXT) String note) {}

    @Test
    void writesOneJsonLinePerRowWithMonthsAsText() throws Exception {
        try (InputStream in =
                ContributionStream.body(Stream.of(new Row("A", 3, YearMonth.of(2026, 3)), new Row("B", -1, null)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(
                            "{\"caseId\":\"A\",\"harm\":3,\"month\":\"2026-03\"}\n{\"caseId\":\"B\",\"harm\":-1,\"month\":null}\n");
        }
    }

    @Test
    void serialisesARowOnlyWhenTheReaderGetsToItAndClosesTheCursor() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Row> rows = IntStream.range(0, 1_000_000)
                .mapToObj(i -> {
                    produced.incrementAndGet();
                    return new Row("C" + i, i, null);
                })
                .onClose(() -> closed.set(true));
        InputStream in = ContributionStream.body(rows);
        byte[] first = new byte[10];
        assertThat(in.read(first)).isPositive();
        assertThat(produced.get()).isEqualTo(1);
        in.close();
        assertThat(closed).isTrue();
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void isAnUnsizedStreamingBody() {
        var response = ContributionStream.ok(Stream.of(new Row("A", 1, null)));
        assertThat(response.getBody()).isExactlyInstanceOf(InputStreamResource.class);
        assertThat(response.getHeaders().getContentType()).isEqualTo(ContributionStream.NDJSON);
    }

    @Test
    void aContributionMayIdentifyOnlyThroughItsJoinKey() {
        SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(Row.class, "caseId");
        assertThatThrownBy(() -> SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(Leaky.class, "caseId"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(Row.class, "harm"))
                .isInstanceOf(AssertionError.class);
    }
}
