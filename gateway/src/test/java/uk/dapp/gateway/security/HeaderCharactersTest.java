package uk.dapp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rules without regular expressions let exactly what Spring Security's expressions let. */
class HeaderCharactersTest {

    /** Spring Security's strict firewall's expressions, as it states them (StrictServerWebExchangeFirewall). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheExpressionsJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            String within = "Bearer a" + one + "b";
            if (HeaderCharacters.allowedInName(one) != NAME.matcher(one).matches()
                    || HeaderCharacters.allowedInValue(one)
                            != VALUE.matcher(one).matches()
                    || HeaderCharacters.allowedInValue(within)
                            != VALUE.matcher(within).matches()) {
                disagreements.add(Integer.toHexString(c));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aLoneSurrogateAndTheEmptyTextAsTheExpressionsJudgeThem() {
        for (String text : List.of("", "\uD800", "a\uDC00b", "\uD83D\uDE00", "tab\there", "line\nbreak", "del\u007F")) {
            assertThat(HeaderCharacters.allowedInName(text))
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.allowedInValue(text))
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void aTokensHeaderPassesAndAControlCharacterInItFails() {
        String token = "Bearer " + "eyJhbGciOiJSUzI1NiJ9.".repeat(60) + "x-_~+/=";
        assertThat(HeaderCharacters.allowedInValue(token)).isTrue();
        assertThat(HeaderCharacters.allowedInValue(token + "\u0000")).isFalse();
        assertThat(HeaderCharacters.allowedInName("Authorization")).isTrue();
        assertThat(HeaderCharacters.allowedInName("Author\tization")).isFalse();
        // asked about a header the request does not hold: nothing to refuse
        assertThat(HeaderCharacters.allowedInValue(null)).isTrue();
    }
}
