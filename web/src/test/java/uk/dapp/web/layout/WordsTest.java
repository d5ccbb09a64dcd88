package uk.dapp.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class WordsTest {

    private final Words words = new Words(new StaticMessageSource());

    @Test
    void aLengthOfTimeReadsAsAPersonSaysIt() {
        assertThat(words.duration(Duration.ofSeconds(40))).isEqualTo("less than a minute");
        assertThat(words.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(words.duration(Duration.ofMinutes(125))).isEqualTo("2 hours 5 minutes");
        assertThat(words.duration(Duration.ofHours(3))).isEqualTo("3 hours");
        assertThat(words.duration(Duration.ofHours(27).plusMinutes(10))).isEqualTo("1 day 3 hours");
        assertThat(words.duration(Duration.ofHours(-50)))
                .as("the sign is the page's to say")
                .isEqualTo("2 days 2 hours");
    }

    @Test
    void aServicesCodeAndADayReadAsWords() {
        assertThat(words.code("LOW_MOTIVATION_AND_AWARENESS")).isEqualTo("Low motivation and awareness");
        assertThat(words.code(null)).isEmpty();
        // 23:30 UTC in summer is the next day in the UK
        assertThat(words.day(OffsetDateTime.parse("2026-06-30T23:30:00Z"))).isEqualTo("1 Jul 2026");
    }
}
