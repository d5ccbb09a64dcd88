package uk.dapp.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

class AccessReasonTest {

    @Test
    void aReasonIsKeptWithoutTheSpacesAroundIt() {
        assertThat(AccessReason.require("  SAR 2026/0042 from the subject  "))
                .isEqualTo("SAR 2026/0042 from the subject");
        assertThat(AccessReason.require("0123456789")).isEqualTo("0123456789");
        assertThat(AccessReason.require("x".repeat(500))).hasSize(500);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|Required",
                "'          '|Required",
                "short|Size",
                "'    123456789    '|Size",
                "SAR ref\t2026/1|Pattern"
            })
    void aMissingShortOrMultiLineReasonIsRefusedNamingTheHeader(String stated, String rule) {
        assertThatThrownBy(() -> AccessReason.require(stated))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    FieldViolation violation = e.violations().getFirst();
                    assertThat(violation.field()).isEqualTo("X-Access-Reason");
                    assertThat(violation.rule()).isEqualTo(rule);
                });
    }

    @Test
    void noReasonAtAllAndOneTooLongAreRefused() {
        assertThatThrownBy(() -> AccessReason.require(null)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> AccessReason.require("x".repeat(501))).isInstanceOf(RuleViolationException.class);
    }
}
