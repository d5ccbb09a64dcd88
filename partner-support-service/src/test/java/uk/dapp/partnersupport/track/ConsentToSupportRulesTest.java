package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.ConflictException;

/** Issue 15 item 12: consent to support is enforced, in the practice's words. */
class ConsentToSupportRulesTest {

    @Test
    void withoutConsentToSupportATrackRecordsOnlyContactAttemptsAndTheSafetyRelevantMinimum() {
        assertThat(ConsentToSupportRules.unavailable(false))
                .containsExactly(
                        TrackRecordKind.SAFETY_PLAN, TrackRecordKind.PARTNER_OUTCOME, TrackRecordKind.HOUSEHOLD);
        for (TrackRecordKind minimum : new TrackRecordKind[] {
            TrackRecordKind.CONTACT_ATTEMPT,
            TrackRecordKind.SAFE_CONTACT,
            TrackRecordKind.CONSENT,
            TrackRecordKind.DASH_ASSESSMENT,
            TrackRecordKind.DISCLOSURE,
            TrackRecordKind.MARAC_REFERRAL
        }) {
            assertThat(ConsentToSupportRules.mayRecord(minimum, false))
                    .as(minimum.name())
                    .isTrue();
        }
    }

    @Test
    void aRiskToHerLifeIsAssessedAndActedOnWhetherOrNotSheConsentsToSupport() {
        assertThat(ConsentToSupportRules.mayRecord(TrackRecordKind.DASH_ASSESSMENT, false))
                .isTrue();
        assertThat(ConsentToSupportRules.mayRecord(TrackRecordKind.DISCLOSURE, false))
                .isTrue();
        assertThat(ConsentToSupportRules.mayRecord(TrackRecordKind.MARAC_REFERRAL, false))
                .isTrue();
    }

    @Test
    void withConsentToSupportInForceEverythingMayBeRecorded() {
        assertThat(ConsentToSupportRules.unavailable(true)).isEmpty();
        for (TrackRecordKind kind : TrackRecordKind.values()) {
            assertThat(ConsentToSupportRules.mayRecord(kind, true))
                    .as(kind.name())
                    .isTrue();
        }
    }

    @Test
    void supportGivenWithoutHerConsentIsRefusedNamingTheRuleAndTheRecord() {
        assertThatThrownBy(() -> ConsentToSupportRules.require(TrackRecordKind.PARTNER_OUTCOME, false))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.facts())
                            .containsEntry("rule", "ConsentToSupport")
                            .containsEntry("record", "PARTNER_OUTCOME");
                    assertThat(e.getMessage()).contains("consent to support");
                });
    }
}
