package uk.dapp.partnersupport.disclosure;

import java.util.Optional;
import uk.dapp.platform.risk.RiskLevel;

/**
 * Whether a risk alert may go to the programme at this moment. The partner's information-sharing
 * consent covering the programme is the normal basis; without it, only a HIGH risk is shared
 * (safeguarding overrides the withdrawal); anything else is withheld for good. The one rule for every
 * risk alert partner support raises: a disclosure's and a DASH assessment's at HIGH.
 */
public final class RiskAlertSharing {

    static final String WITHHELD_WITHOUT_CONSENT = "the partner's information-sharing consent covering the programme "
            + "is not in force and the risk level is below HIGH";

    /** Either the basis to share on, or why not. */
    public record Decision(Optional<AlertBasis> basis, Optional<String> withheldBecause) {

        static Decision share(AlertBasis basis) {
            return new Decision(Optional.of(basis), Optional.empty());
        }

        static Decision withhold(String reason) {
            return new Decision(Optional.empty(), Optional.of(reason));
        }
    }

    private RiskAlertSharing() {}

    public static Decision decide(RiskLevel level, boolean consentCoversProgramme) {
        if (consentCoversProgramme) {
            return Decision.share(AlertBasis.CONSENT);
        }
        if (level == RiskLevel.HIGH) {
            return Decision.share(AlertBasis.HIGH_RISK_SAFEGUARDING);
        }
        return Decision.withhold(WITHHELD_WITHOUT_CONSENT);
    }
}
