package uk.dapp.riskmatrix.values;

import java.util.Optional;
import uk.dapp.platform.risk.RiskLevel;

/** The DASH risk level assessed at the time of an incident, or that none was. */
public enum DashLevel {
    STANDARD,
    MEDIUM,
    HIGH,
    NOT_ASSESSED;

    /** The level assessed, ranked like every DASH level; empty when none was. */
    public Optional<RiskLevel> assessed() {
        return this == NOT_ASSESSED ? Optional.empty() : Optional.of(RiskLevel.valueOf(name()));
    }
}
