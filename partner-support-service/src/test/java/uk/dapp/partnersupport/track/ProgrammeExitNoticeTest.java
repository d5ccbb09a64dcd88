package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An exit's prompt to contact the partner is done by an attempt made at or after the notice arrived. */
class ProgrammeExitNoticeTest {

    private static final Instant ARRIVED = Instant.parse("2026-11-23T10:00:00Z");
    private static final ProgrammeExitNotice NOTICE = new ProgrammeExitNotice(
            "m-1",
            "r-1",
            "CHANGE-01",
            ExitStatus.BREACHED,
            true,
            Instant.parse("2026-11-20T16:00:00Z"),
            ARRIVED,
            LocalDate.of(2026, 11, 25));

    @Test
    void noAttemptOrOnlyAnEarlierOneLeavesThePromptOutstanding() {
        assertThat(NOTICE.contactPromptDone(null)).isFalse();
        assertThat(NOTICE.contactPromptDone(ARRIVED.minusSeconds(1))).isFalse();
    }

    @Test
    void anAttemptAtOrAfterArrivalDoesIt() {
        assertThat(NOTICE.contactPromptDone(ARRIVED)).isTrue();
        assertThat(NOTICE.contactPromptDone(ARRIVED.plusSeconds(3600))).isTrue();
    }
}
