package uk.dapp.programme.referral;

import java.time.Instant;
import uk.dapp.platform.risk.RiskLevel;

/** The end-of-programme outcome record, kept on the referral it ends. */
public record ExitRecord(
        String exitMove,
        ReferralStatus status,
        String reason,
        String summary,
        RiskLevel riskLevelAtExit,
        int sessionsAttended,
        int sessionsRequired,
        String exitedBy,
        Instant exitedAt) {}
