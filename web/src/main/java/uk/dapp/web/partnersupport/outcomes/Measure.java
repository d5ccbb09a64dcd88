package uk.dapp.web.partnersupport.outcomes;

import java.util.List;
import java.util.function.Function;
import uk.dapp.client.partnersupport.model.OutcomeMeasures;

/**
 * One partner-reported outcome measure as the contract names and describes it (OutcomeMeasures:
 * every score 1 to 5, higher is better; three may be left out when there are no children or it is
 * not relevant). The form asks them in this order, in the words the worker reads to the partner, and
 * the track page shows them in it.
 */
public record Measure(
        String name,
        String question,
        String lowest,
        String highest,
        boolean optional,
        Function<OutcomeMeasures, Integer> read) {

    public static final List<Measure> ALL = List.of(
            new Measure(
                    "cessationOfAbuse",
                    "Has the abuse stopped?",
                    "continuing or worse",
                    "stopped entirely",
                    false,
                    OutcomeMeasures::getCessationOfAbuse),
            new Measure(
                    "riskNow",
                    "How at risk do you feel now?",
                    "at very high risk",
                    "not at risk",
                    false,
                    OutcomeMeasures::getRiskNow),
            new Measure(
                    "feelingSafe",
                    "How safe do you feel?",
                    "not at all",
                    "completely",
                    false,
                    OutcomeMeasures::getFeelingSafe),
            new Measure(
                    "qualityOfLife",
                    "Your quality of life",
                    "very poor",
                    "very good",
                    false,
                    OutcomeMeasures::getQualityOfLife),
            new Measure(
                    "childrensFear",
                    "The children's fear of the perpetrator",
                    "very afraid",
                    "not afraid",
                    true,
                    OutcomeMeasures::getChildrensFear),
            new Measure(
                    "respectfulRelationship",
                    "Respect, freedom and equality in the relationship",
                    "low",
                    "high",
                    false,
                    OutcomeMeasures::getRespectfulRelationship),
            new Measure(
                    "spaceForAction",
                    "Space for action: confidence and choices",
                    "low",
                    "high",
                    false,
                    OutcomeMeasures::getSpaceForAction),
            new Measure(
                    "safetyAndFreedomFromViolence",
                    "Safety and freedom from violence and abuse",
                    "low",
                    "high",
                    false,
                    OutcomeMeasures::getSafetyAndFreedomFromViolence),
            new Measure(
                    "safeSharedParenting",
                    "Safe, positive and shared parenting",
                    "low",
                    "high",
                    true,
                    OutcomeMeasures::getSafeSharedParenting),
            new Measure(
                    "awarenessOfSelfAndOthers",
                    "Awareness of self and others",
                    "low",
                    "high",
                    false,
                    OutcomeMeasures::getAwarenessOfSelfAndOthers),
            new Measure(
                    "saferChildhoods",
                    "Safer, healthier childhoods",
                    "low",
                    "high",
                    true,
                    OutcomeMeasures::getSaferChildhoods));

    /** The hint under the question: what 1 and 5 mean. */
    public String scale() {
        return "1 is " + lowest + ", 5 is " + highest + (optional ? ". Leave it out when it does not apply." : "");
    }
}
