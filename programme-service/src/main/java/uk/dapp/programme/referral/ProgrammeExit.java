package uk.dapp.programme.referral;

import java.time.Instant;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * A programme ended for a case (common.yaml ProgrammeExitEvent): to partner support on every exit (a
 * partner must know promptly), to the risk matrix on an exit for non-compliance (a failed engagement).
 */
public record ProgrammeExit(
        String caseId,
        String referralId,
        String programmeCode,
        ReferralStatus exitStatus,
        boolean nonCompliance,
        Instant exitedAt)
        implements CaseEvent {

    public static final CaseEventType<ProgrammeExit> TO_PARTNER_SUPPORT =
            CaseEventType.of("programme-exit.v1", Destinations.PARTNER_SUPPORT, ProgrammeExit.class);
    public static final CaseEventType<ProgrammeExit> TO_RISK_MATRIX =
            CaseEventType.of("programme-exit.v1", Destinations.RISK_MATRIX, ProgrammeExit.class);
}
