package uk.dapp.riskmatrix.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

class ReferenceDataRulesTest {

    private static final ReferenceData EXAMPLE = ExampleReferenceData.version1(Instant.EPOCH);

    private static ReferenceData with(
            List<Band> recency, List<Band> frequency, List<Band> victims, List<OffenceWeight> offences) {
        return new ReferenceData(
                null, "t", false, 36, recency, frequency, victims, EXAMPLE.dashUplift(), offences, null, null);
    }

    private static List<String> broken(ReferenceData data) {
        RuleViolationException e =
                catchThrowableOfType(RuleViolationException.class, () -> ReferenceDataRules.check(data));
        return e == null
                ? List.of()
                : e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void theShippedExampleKeepsEveryRuleAndSaysItIsAnExample() {
        assertThatCode(() -> ReferenceDataRules.check(EXAMPLE)).doesNotThrowAnyException();
        assertThat(EXAMPLE.example()).isTrue();
        assertThat(EXAMPLE.label()).startsWith("EXAMPLE ONLY");
        assertThat(EXAMPLE.windowMonths()).isEqualTo(36);
        assertThat(EXAMPLE.offences()).allMatch(o -> o.code().startsWith("EX-"));
    }

    @Test
    void bandsMustAscend() {
        assertThat(broken(with(
                        EXAMPLE.recencyBands(),
                        List.of(new Band(1, 5), new Band(1, 6)),
                        EXAMPLE.victimBands(),
                        EXAMPLE.offences())))
                .containsExactly("frequencyBands[1].from:Ascending");
    }

    @Test
    void countingPointsMustNotFallAndRecencyPointsMustNotRise() {
        assertThat(broken(with(
                        List.of(new Band(0, 5), new Band(3, 10)),
                        EXAMPLE.frequencyBands(),
                        List.of(new Band(1, 10), new Band(2, 5)),
                        EXAMPLE.offences())))
                .containsExactlyInAnyOrder(
                        "recencyBands[1].points:NonIncreasing", "victimBands[1].points:NonDecreasing");
    }

    @Test
    void countingBandsStartAtOneOrMore() {
        assertThat(broken(with(
                        EXAMPLE.recencyBands(), List.of(new Band(0, 5)), EXAMPLE.victimBands(), EXAMPLE.offences())))
                .containsExactly("frequencyBands[0].from:Min");
    }

    @Test
    void offenceCodesAreUnique() {
        List<OffenceWeight> offences = new ArrayList<>(EXAMPLE.offences());
        offences.add(EXAMPLE.offences().getFirst());
        assertThat(broken(with(EXAMPLE.recencyBands(), EXAMPLE.frequencyBands(), EXAMPLE.victimBands(), offences)))
                .containsExactly("offences[" + EXAMPLE.offences().size() + "].code:Unique");
    }

    @Test
    void violationsNameFieldAndRule() {
        FieldViolation v = catchThrowableOfType(
                        RuleViolationException.class,
                        () -> ReferenceDataRules.check(with(
                                EXAMPLE.recencyBands(),
                                List.of(new Band(0, 5)),
                                EXAMPLE.victimBands(),
                                EXAMPLE.offences())))
                .violations()
                .getFirst();
        assertThat(v.message()).isNotBlank();
    }
}
