package uk.dapp.programme.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.FieldViolation;

/** The Respect Standard: a group behaviour-change programme runs at least 22 weeks with at least 60 hours of group work. */
class RespectMinimumsTest {

    @Test
    void aGroupBehaviourChangeProgrammeRunsAtLeast22WeeksWithAtLeast60HoursOfGroupWork() {
        assertThat(RespectMinimums.check(ProgrammeType.GROUP, 24, 150, 22)).isEmpty();
        assertThat(RespectMinimums.check(ProgrammeType.GROUP, 30, 120, 30)).isEmpty();

        assertThat(RespectMinimums.check(ProgrammeType.GROUP, 24, 150, 21))
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("durationWeeks", "RespectMinimumWeeks"));
        // 22 sessions of 2 hours 40 minutes is 58 hours 40 minutes: a minute short is short
        assertThat(RespectMinimums.check(ProgrammeType.GROUP, 22, 160, 22))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("sessionCount");
                    assertThat(v.rule()).isEqualTo("RespectMinimumHours");
                    assertThat(v.message()).contains("60 hours").contains("58 hours 40 minutes");
                });
        assertThat(RespectMinimums.check(ProgrammeType.GROUP, 16, 120, 16))
                .extracting(FieldViolation::field)
                .containsExactly("durationWeeks", "sessionCount");
    }

    @Test
    void oneToOneCaseManagementIsNotHeldToTheGroupMinimums() {
        assertThat(RespectMinimums.check(ProgrammeType.ONE_TO_ONE, 6, 60, 8)).isEmpty();
    }

    @Test
    void everySeededGroupProgrammeMeetsTheRespectMinimums() {
        for (Programme p : new Programme[] {CatalogueSeed.CHANGE, CatalogueSeed.WOMEN}) {
            assertThat(RespectMinimums.check(p.type(), p.sessionCount(), p.sessionLengthMinutes(), p.durationWeeks()))
                    .as(p.code())
                    .isEmpty();
        }
    }
}
