package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;

class PseudonymiserTest {

    private static final String TOKEN = "^psn_[0-9a-hjkmnp-tv-z]{21}$";

    // synthetic case IDs from a seeded generator: repeatable, and nobody's
    private static List<CaseId> cases(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, count).mapToObj(i -> CaseId.generate(random)).toList();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[Pseudonymiser.KEY_BYTES];
        new SplittableRandom(seed).nextBytes(key);
        return key;
    }

    @Test
    void aCaseHasOnePseudonymWithinOneExtractHoweverItsIdIsWritten() {
        Pseudonymiser extract = Pseudonymiser.withRandomKey();
        CaseId caseId = cases(1, 1).getFirst();
        String compactLowerCase = caseId.value().replace("-", "").toLowerCase();

        String first = extract.pseudonym(caseId);

        assertThat(extract.pseudonym(caseId)).isEqualTo(first);
        assertThat(extract.pseudonym(caseId.value())).isEqualTo(first);
        assertThat(extract.pseudonym(compactLowerCase)).isEqualTo(first);
    }

    @Test
    void twoExtractsWithRandomKeysShareNoPseudonym() {
        Pseudonymiser one = Pseudonymiser.withRandomKey();
        Pseudonymiser other = Pseudonymiser.withRandomKey();
        List<CaseId> cases = cases(2_000, 2);

        Set<String> first = new HashSet<>();
        cases.forEach(c -> first.add(one.pseudonym(c)));

        assertThat(cases).noneMatch(c -> first.contains(other.pseudonym(c)));
    }

    @Test
    void anEvaluatorGivenTheSameKeyCanLinkTwoExtracts() {
        byte[] key = Pseudonymiser.newKey();
        Pseudonymiser march = Pseudonymiser.withKey(key);
        Pseudonymiser june = Pseudonymiser.withKey(key.clone());

        for (CaseId caseId : cases(200, 3)) {
            assertThat(june.pseudonym(caseId)).isEqualTo(march.pseudonym(caseId));
        }
    }

    @Test
    void differentKeysGiveDifferentPseudonymsForTheSameCase() {
        CaseId caseId = cases(1, 4).getFirst();

        assertThat(Pseudonymiser.withKey(key(1)).pseudonym(caseId))
                .isNotEqualTo(Pseudonymiser.withKey(key(2)).pseudonym(caseId));
    }

    @Test
    void aPseudonymIsFixedLengthUrlSafeAndNeverTheCaseIdOrContainingIt() {
        // a fixed key keeps the six-symbol check repeatable (a chance match is about 1 in 10^4 per run)
        Pseudonymiser extract = Pseudonymiser.withKey(key(5));
        for (CaseId caseId : cases(5_000, 5)) {
            String pseudonym = extract.pseudonym(caseId);
            String compact = caseId.value().replace("-", "");

            assertThat(pseudonym).matches(TOKEN).hasSize(Pseudonymiser.LENGTH);
            assertThat(Pseudonymiser.looksLikePseudonym(pseudonym)).isTrue();
            assertThat(pseudonym.toUpperCase())
                    .doesNotContain(compact)
                    .doesNotContain(caseId.value())
                    .doesNotContain(compact.substring(0, 6));
            assertThat(CaseId.isValid(pseudonym))
                    .as("a pseudonym must not pass for a case ID")
                    .isFalse();
        }
    }

    @Test
    void caseIdsAreNeverTakenForPseudonyms() {
        for (CaseId caseId : cases(100, 6)) {
            assertThat(Pseudonymiser.looksLikePseudonym(caseId.value())).isFalse();
            assertThat(Pseudonymiser.looksLikePseudonym("psn_" + caseId.value().replace("-", "")))
                    .isFalse();
        }
        assertThat(Pseudonymiser.looksLikePseudonym(null)).isFalse();
        assertThat(Pseudonymiser.looksLikePseudonym("psn_0123456789abcdefghjku"))
                .as("u is not Crockford")
                .isFalse();
    }

    @Test
    void differentCasesGetDifferentPseudonyms() {
        Pseudonymiser extract = Pseudonymiser.withRandomKey();
        Set<String> seen = new HashSet<>();

        cases(20_000, 7).forEach(c -> assertThat(seen.add(extract.pseudonym(c))).isTrue());
    }

    @Test
    void theTokenIsTheFirst105BitsOfTheHmacInCrockfordBase32() throws Exception {
        byte[] key = key(8);
        CaseId caseId = cases(1, 8).getFirst();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] digest = mac.doFinal(("dapp-case-pseudonym-v1:" + caseId.value()).getBytes(StandardCharsets.US_ASCII));
        // an independent reading of the bits: the digest as a number, its top 105 bits in base 32
        BigInteger top = new BigInteger(1, digest).shiftRight(256 - 105);
        String digits = top.toString(32);
        String padded = "0".repeat(21 - digits.length()) + digits;
        StringBuilder expected = new StringBuilder("psn_");
        for (char c : padded.toCharArray()) {
            expected.append("0123456789abcdefghjkmnpqrstvwxyz".charAt(Character.digit(c, 32)));
        }

        assertThat(Pseudonymiser.withKey(key).pseudonym(caseId)).isEqualTo(expected.toString());
    }

    @Test
    void shortOrMissingKeysAreRefusedAndTheKeyIsCopied() {
        assertThatThrownBy(() -> Pseudonymiser.withKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymiser.withKey(null)).isInstanceOf(IllegalArgumentException.class);

        byte[] key = key(9);
        Pseudonymiser pseudonymiser = Pseudonymiser.withKey(key);
        CaseId caseId = cases(1, 9).getFirst();
        String before = pseudonymiser.pseudonym(caseId);
        Arrays.fill(key, (byte) 0);

        assertThat(pseudonymiser.pseudonym(caseId)).isEqualTo(before);
    }

    @Test
    void anInvalidCaseIdIsRefusedRatherThanPseudonymised() {
        assertThatThrownBy(() -> Pseudonymiser.withRandomKey().pseudonym("not-a-case"))
                .isInstanceOf(InvalidCaseIdException.class);
    }

    @Test
    void freshKeysAre256BitsAndDiffer() {
        byte[] one = Pseudonymiser.newKey();
        byte[] two = Pseudonymiser.newKey();

        assertThat(one).hasSize(32);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void toStringNeverShowsTheKey() {
        byte[] key = key(10);
        String shown = Pseudonymiser.withKey(key).toString();

        assertThat(shown)
                .doesNotContain(HexFormat.of().formatHex(key))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(key))
                .contains("key hidden");
    }
}
