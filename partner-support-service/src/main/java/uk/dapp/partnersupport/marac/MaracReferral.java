package uk.dapp.partnersupport.marac;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.partnersupport.dash.MaracCriterion;

/**
 * A partner's referral to a MARAC: the criteria met and the records they rest on (fixed at referral),
 * the meeting, the actions agreed and the outcome (revised with optimistic locking). One open
 * referral per track: {@code openSlot} is {@value #OPEN} until an outcome is recorded and the
 * referral's own ID after, under a unique index with the track, so two referrals made at once cannot
 * both stay open. Nothing of it leaves partner support.
 */
@Document(MaracReferral.COLLECTION)
@CompoundIndex(name = "one_open_per_track", def = "{'trackId': 1, 'openSlot': 1}", unique = true)
public record MaracReferral(
        @Id String maracReferralId,
        String trackId,
        String caseId,
        LocalDate referredOn,
        Set<MaracCriterion> criteria,
        MaracBasis basis,
        String professionalJudgementReason,
        LocalDate meetingOn,
        List<MaracAction> actions,
        MaracOutcome outcome,
        String outcomeNote,
        String openSlot,
        String referredBy,
        Instant referredAt,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) {

    public static final String COLLECTION = "marac_referrals";
    static final String OPEN = "OPEN";

    public MaracReferral {
        criteria = Set.copyOf(criteria);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public boolean open() {
        return outcome == null;
    }

    MaracReferral revised(
            LocalDate newMeetingOn,
            List<MaracAction> newActions,
            MaracOutcome newOutcome,
            String newOutcomeNote,
            String by,
            Instant at,
            long expectedVersion) {
        return new MaracReferral(
                maracReferralId,
                trackId,
                caseId,
                referredOn,
                criteria,
                basis,
                professionalJudgementReason,
                newMeetingOn,
                newActions,
                newOutcome,
                newOutcomeNote,
                newOutcome == null ? OPEN : maracReferralId,
                referredBy,
                referredAt,
                by,
                at,
                expectedVersion);
    }
}
