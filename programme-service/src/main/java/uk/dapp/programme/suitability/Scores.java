package uk.dapp.programme.suitability;

import uk.dapp.platform.risk.RiskLevel;

/**
 * What an assessor found. Motivation to change, accountability for actions and awareness of harm
 * caused are each scored 1 (none) to 5 (strong); {@value #ENOUGH} or more is enough for the programme.
 */
public record Scores(
        int motivation,
        int accountability,
        int awareness,
        Concern mentalHealth,
        Concern substanceMisuse,
        RiskLevel riskPosed,
        boolean groupWorkSuitable) {

    public static final int ENOUGH = 3;

    /** A need the assessment looks at: none, managed (for example in treatment), or unmanaged. */
    public enum Concern {
        NO_CONCERN,
        MANAGED,
        UNMANAGED
    }

    public Scores {
        for (int score : new int[] {motivation, accountability, awareness}) {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("scales run from 1 to 5");
            }
        }
    }
}
