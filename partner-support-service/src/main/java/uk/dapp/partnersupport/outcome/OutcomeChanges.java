package uk.dapp.partnersupport.outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The change in each measure between outcome points: later minus earlier, so positive is better. */
public final class OutcomeChanges {

    /** The change from one point to a later one. */
    public record Change(OutcomePoint from, OutcomePoint to, Map<String, Integer> changes) {}

    private OutcomeChanges() {}

    /** Measures missing at either point are left out. */
    public static Map<String, Integer> between(OutcomeMeasures earlier, OutcomeMeasures later) {
        Map<String, Integer> before = earlier.asMap();
        Map<String, Integer> changes = new LinkedHashMap<>();
        later.asMap().forEach((measure, score) -> {
            Integer was = before.get(measure);
            if (was != null) {
                changes.put(measure, score - was);
            }
        });
        return changes;
    }

    /** Intake to midway, midway to exit and intake to exit, for each pair of points recorded. */
    public static List<Change> of(Map<OutcomePoint, OutcomeMeasures> points) {
        Map<OutcomePoint, OutcomeMeasures> at = new EnumMap<>(points);
        List<Change> changes = new ArrayList<>();
        OutcomePoint[][] pairs = {
            {OutcomePoint.INTAKE, OutcomePoint.MIDWAY},
            {OutcomePoint.MIDWAY, OutcomePoint.EXIT},
            {OutcomePoint.INTAKE, OutcomePoint.EXIT}
        };
        for (OutcomePoint[] pair : pairs) {
            if (at.containsKey(pair[0]) && at.containsKey(pair[1])) {
                changes.add(new Change(pair[0], pair[1], between(at.get(pair[0]), at.get(pair[1]))));
            }
        }
        return changes;
    }
}
