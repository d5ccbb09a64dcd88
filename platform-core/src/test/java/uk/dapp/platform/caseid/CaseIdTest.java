package uk.dapp.platform.caseid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaseIdTest {

    private static final String ALPHABET = CaseId.ALPHABET;

    @Test
    void aMillionGeneratedIdsAreAllDifferentAndAllValid() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            String id = CaseId.generate(random).value();
            assertThat(seen.add(id)).as("duplicate %s after %d", id, i).isTrue();
            if (i % 1000 == 0) {
                assertThat(CaseId.isValid(id)).isTrue();
            }
        }
    }

    @Test
    void everySingleSymbolSubstitutionIsRefused() {
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int sample = 0; sample < 3_000; sample++) {
            char[] id = compact(CaseId.generate(random));
            for (int position = 0; position < id.length; position++) {
                char original = id[position];
                for (int s = 0; s < ALPHABET.length(); s++) {
                    char replacement = ALPHABET.charAt(s);
                    if (replacement == original) {
                        continue;
                    }
                    id[position] = replacement;
                    assertThatThrownBy(() -> CaseId.parse(new String(id)))
                            .isInstanceOf(InvalidCaseIdException.class)
                            .extracting(e -> ((InvalidCaseIdException) e).reason())
                            .isEqualTo(InvalidCaseIdException.Reason.CHECK);
                }
                id[position] = original;
            }
        }
    }

    @Test
    void everySwapOfTwoDifferentNeighboursIsRefused() {
        SplittableRandom random = new SplittableRandom(7L);
        int swapsTried = 0;
        for (int sample = 0; sample < 50_000; sample++) {
            char[] id = compact(CaseId.generate(random));
            for (int position = 0; position + 1 < id.length; position++) {
                if (id[position] == id[position + 1]) {
                    continue;
                }
                char[] swapped = id.clone();
                swapped[position] = id[position + 1];
                swapped[position + 1] = id[position];
                swapsTried++;
                assertThat(CaseId.isValid(new String(swapped)))
                        .as(new String(swapped))
                        .isFalse();
            }
        }
        assertThat(swapsTried).isGreaterThan(500_000);
    }

    @Test
    void readsWhatAPersonTypes() {
        CaseId id = CaseId.generate(new SplittableRandom(1L));
        String canonical = id.value();
        assertThat(canonical).matches("[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(CaseId.parse(canonical.toLowerCase())).isEqualTo(id);
        assertThat(CaseId.parse(canonical.replace("-", ""))).isEqualTo(id);
        assertThat(CaseId.parse(canonical.replace("-", " "))).isEqualTo(id);
        assertThat(CaseId.parse(canonical.replace('0', 'O').replace('1', 'l'))).isEqualTo(id);
        assertThat(CaseId.parse(canonical).value()).isEqualTo(canonical);
    }

    @Test
    void refusesWhatCannotBeACaseId() {
        assertReason(null, InvalidCaseIdException.Reason.MISSING);
        assertReason("", InvalidCaseIdException.Reason.FORMAT);
        assertReason("ABC", InvalidCaseIdException.Reason.FORMAT);
        assertReason("UUUUUU-UUUUUU-UUUUUU", InvalidCaseIdException.Reason.FORMAT);
        assertReason("000000-000000-0000000", InvalidCaseIdException.Reason.FORMAT);
        assertReason("'; drop table cases;--", InvalidCaseIdException.Reason.FORMAT);
        assertReason("x".repeat(10_000), InvalidCaseIdException.Reason.FORMAT);
    }

    @Test
    void theAllZeroIdIsTheOnlyTrivialOneAndItIsConsistent() {
        // 17 zeros weigh nothing, so the check symbol is zero too: a fixed point, still well formed
        assertThat(CaseId.isValid("000000-000000-000000")).isTrue();
        assertThat(CaseId.isValid("000000-000000-000001")).isFalse();
    }

    private static void assertReason(String text, InvalidCaseIdException.Reason reason) {
        assertThatThrownBy(() -> CaseId.parse(text))
                .isInstanceOf(InvalidCaseIdException.class)
                .extracting(e -> ((InvalidCaseIdException) e).reason())
                .isEqualTo(reason);
    }

    private static char[] compact(CaseId id) {
        return id.value().replace("-", "").toCharArray();
    }
}
