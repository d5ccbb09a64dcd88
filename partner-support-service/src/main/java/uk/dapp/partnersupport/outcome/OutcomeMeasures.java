package uk.dapp.partnersupport.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner-reported measures, each scored 1 to 5 with higher better: the partnership's outcome
 * measures and the six Project Mirabal dimensions. The three about children are absent when not relevant.
 */
public record OutcomeMeasures(
        Integer cessationOfAbuse,
        Integer riskNow,
        Integer feelingSafe,
        Integer qualityOfLife,
        Integer childrensFear,
        Integer respectfulRelationship,
        Integer spaceForAction,
        Integer safetyAndFreedomFromViolence,
        Integer safeSharedParenting,
        Integer awarenessOfSelfAndOthers,
        Integer saferChildhoods) {

    public static final int MIN = 1;
    public static final int MAX = 5;
    /** Children's fear scored up to this (1 very afraid ... 3 somewhat afraid) is reported as frightened. */
    public static final int FRIGHTENED_UP_TO = 3;

    /** Whether the partner reports her children frightened of the perpetrator; null when not asked (no children). */
    public Boolean childrenFrightened() {
        return childrensFear == null ? null : childrensFear <= FRIGHTENED_UP_TO;
    }

    /** Measure name to score, in a fixed order; absent measures are left out. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("cessationOfAbuse", cessationOfAbuse);
        all.put("riskNow", riskNow);
        all.put("feelingSafe", feelingSafe);
        all.put("qualityOfLife", qualityOfLife);
        all.put("childrensFear", childrensFear);
        all.put("respectfulRelationship", respectfulRelationship);
        all.put("spaceForAction", spaceForAction);
        all.put("safetyAndFreedomFromViolence", safetyAndFreedomFromViolence);
        all.put("safeSharedParenting", safeSharedParenting);
        all.put("awarenessOfSelfAndOthers", awarenessOfSelfAndOthers);
        all.put("saferChildhoods", saferChildhoods);
        all.values().removeIf(java.util.Objects::isNull);
        return all;
    }
}
