package uk.dapp.partnersupport.marac;

import java.time.LocalDate;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The records a referral's criteria were worked out from, as they stood on the referral day: the
 * latest DASH checklist completed by then (absent when there is none), the track's disclosures in
 * the 12 months up to the referral, and the previous MARAC referral, with where its date came from.
 */
public record MaracBasis(
        String dashAssessmentId,
        Integer dashVersion,
        LocalDate dashCompletedOn,
        Integer dashYesCount,
        RiskLevel dashChecklistLevel,
        RiskLevel dashRiskLevel,
        int incidentsInLast12Months,
        LocalDate previousMaracReferralOn,
        PreviousMaracSource previousMaracFrom) {

    /** Where the previous MARAC date comes from. */
    public enum PreviousMaracSource {
        /** An earlier MARAC referral of this track, recorded here. */
        MARAC_REFERRAL,
        /** The previous MARAC referral date recorded with the latest DASH checklist (one made before these records). */
        DASH_CHECKLIST
    }
}
