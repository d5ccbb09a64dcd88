package uk.dapp.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseEventJsonTest {

    enum Level {
        STANDARD,
        HIGH
    }

    record Named(String name, String phone) {}

    record Sent(String caseId, Level level, Instant at, LocalDate on, Long count, List<Named> people)
            implements CaseEvent {}

    /** A receiver's generated event, in miniature: the same fields, its own types. */
    public static final class Received {
        public String caseId;
        public String level;
        public java.time.OffsetDateTime at;
        public LocalDate on;
        public Long count;
        public List<Map<String, String>> people;
    }

    record Drifted(String caseId, String renamed) implements CaseEvent {}

    private static final CaseEventType<Sent> SENT = CaseEventType.of("sent.v1", Destinations.PROGRAMME, Sent.class);

    @Test
    void aRecordIsStoredAsPlainValuesWithAbsentFieldsLeftOut() {
        Sent sent = new Sent(
                "CASE",
                Level.HIGH,
                Instant.parse("2026-11-23T10:15:30.123Z"),
                LocalDate.of(2026, 11, 2),
                null,
                List.of(new Named("Testy", null)));
        OutboxEntry entry = SENT.entry(sent, Instant.parse("2026-11-23T10:15:31Z"), 3);

        assertThat(entry.payload())
                .isEqualTo(Map.of(
                        "caseId",
                        "CASE",
                        "level",
                        "HIGH",
                        "at",
                        "2026-11-23T10:15:30.123Z",
                        "on",
                        "2026-11-02",
                        "people",
                        List.of(Map.of("name", "Testy"))));
        assertThat(entry.caseId()).isEqualTo("CASE");
        assertThat(entry.sequence()).isEqualTo(3);
        assertThat(SENT.payloadOf(entry.payload())).isEqualTo(sent);
    }

    @Test
    void theStoredPayloadBecomesTheReceiversEvent() {
        Sent sent = new Sent("CASE", Level.STANDARD, Instant.parse("2026-11-23T10:15:30Z"), null, 4L, List.of());
        Received received = CaseEventJson.fromPayload(CaseEventJson.toPayload(sent), Received.class);

        assertThat(received.level).isEqualTo("STANDARD");
        assertThat(received.at.toInstant()).isEqualTo(sent.at());
        assertThat(received.on).isNull();
        assertThat(received.count).isEqualTo(4L);
    }

    @Test
    void aPayloadThatDriftedFromTheReceiversEventIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() ->
                        CaseEventJson.fromPayload(CaseEventJson.toPayload(new Drifted("CASE", "x")), Received.class))
                .hasMessageContaining("renamed");
    }
}
