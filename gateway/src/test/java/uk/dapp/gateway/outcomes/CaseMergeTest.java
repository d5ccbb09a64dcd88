package uk.dapp.gateway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.gateway.outcomes.ContributionRows.partner;
import static uk.dapp.gateway.outcomes.ContributionRows.programme;
import static uk.dapp.gateway.outcomes.ContributionRows.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.problem.ContributionsUnavailableException;

class CaseMergeTest {

    private final List<String> ids = IntStream.range(0, 6)
            .mapToObj(i -> ContributionRows.caseId(new Random(i)))
            .sorted(Comparator.naturalOrder())
            .toList();

    @Test
    void joinsEachCaseOnceWithWhateverEachServiceHoldsInCaseIdOrder() {
        List<RiskMatrixContribution> risk = List.of(
                risk(ids.get(0), "23-27", "A", "2026-01"),
                risk(ids.get(2), "23-27", "A", "2026-01"),
                risk(ids.get(5), "23-27", "A", "2026-01"));
        List<ProgrammeContribution> programme = List.of(
                programme(ids.get(0), "MALE", "2026-01"),
                programme(ids.get(1), "MALE", "2026-01"),
                programme(ids.get(5), "MALE", "2026-01"));
        List<PartnerSupportContribution> partner = List.of(partner(ids.get(1)), partner(ids.get(4)));

        List<JoinedCase> joined = CaseMerge.join(risk.iterator(), programme.iterator(), partner.iterator())
                .toList();

        assertThat(joined)
                .extracting(JoinedCase::caseId)
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(5));
        assertThat(joined.get(0).riskMatrix()).isSameAs(risk.get(0));
        assertThat(joined.get(0).programme()).isSameAs(programme.get(0));
        assertThat(joined.get(0).partnerSupport()).isNull();
        assertThat(joined.get(1).riskMatrix()).isNull();
        assertThat(joined.get(1).partnerSupport()).isSameAs(partner.get(0));
        assertThat(joined.get(3).programme()).isNull();
        assertThat(joined.get(4).riskMatrix()).isSameAs(risk.get(2));
    }

    @Test
    void oneCaseIdHoweverEachServiceSpellsIt() {
        String lower = ids.get(0).toLowerCase();
        List<JoinedCase> joined = CaseMerge.join(
                        List.of(risk(lower, "23-27", "A", "2026-01")).iterator(),
                        List.of(programme(ids.get(0), "MALE", "2026-01")).iterator(),
                        List.<PartnerSupportContribution>of().iterator())
                .toList();

        assertThat(joined).singleElement().satisfies(one -> {
            assertThat(one.caseId()).isEqualTo(ids.get(0));
            assertThat(one.riskMatrix()).isNotNull();
            assertThat(one.programme()).isNotNull();
        });
    }

    @Test
    void rowsOutOfOrderFailTheJoinRatherThanSplitACase() {
        List<ProgrammeContribution> unsorted =
                List.of(programme(ids.get(3), "MALE", "2026-01"), programme(ids.get(1), "MALE", "2026-01"));

        assertThatThrownBy(() -> CaseMerge.join(
                                List.<RiskMatrixContribution>of().iterator(),
                                unsorted.iterator(),
                                List.<PartnerSupportContribution>of().iterator())
                        .toList())
                .isInstanceOf(ContributionsUnavailableException.class)
                .satisfies(e -> assertThat(((ContributionsUnavailableException) e).service())
                        .isEqualTo("programme"))
                .hasMessageContaining("order");
    }

    @Test
    void aRepeatedCaseIdFailsTheJoin() {
        List<RiskMatrixContribution> twice =
                List.of(risk(ids.get(2), "23-27", "A", "2026-01"), risk(ids.get(2), "23-27", "A", "2026-01"));

        assertThatThrownBy(() -> CaseMerge.join(
                                twice.iterator(),
                                List.<ProgrammeContribution>of().iterator(),
                                List.<PartnerSupportContribution>of().iterator())
                        .toList())
                .isInstanceOf(ContributionsUnavailableException.class);
    }

    @Test
    void aRowWithoutAValidCaseIdFailsTheJoin() {
        assertThatThrownBy(() -> CaseMerge.join(
                                List.of(risk("not-a-case", "23-27", "A", "2026-01"))
                                        .iterator(),
                                List.<ProgrammeContribution>of().iterator(),
                                List.<PartnerSupportContribution>of().iterator())
                        .toList())
                .isInstanceOf(ContributionsUnavailableException.class)
                .hasMessageContaining("risk-matrix");
    }
}
