package uk.dapp.riskmatrix.referencedata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/** The rules a weight table must keep beyond what the contract checks, so that scores stay meaningful. */
final class ReferenceDataRules {

    private ReferenceDataRules() {}

    /** @throws RuleViolationException naming every field and rule broken */
    static void check(ReferenceData data) {
        List<FieldViolation> violations = new ArrayList<>();
        bands("recencyBands", data.recencyBands(), 0, false, violations);
        bands("frequencyBands", data.frequencyBands(), 1, true, violations);
        bands("victimBands", data.victimBands(), 1, true, violations);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < data.offences().size(); i++) {
            OffenceWeight offence = data.offences().get(i);
            if (!codes.add(offence.code())) {
                violations.add(new FieldViolation(
                        "offences[" + i + "].code", "Unique", "offence code " + offence.code() + " appears twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * Bands start strictly ascending; counting bands start at 1 or more (no points for nothing) and
     * never lose points as the count rises (so adding an incident never lowers Frequency or
     * Victims); recency bands never gain points as time passes.
     */
    private static void bands(
            String field, List<Band> bands, int minimumFrom, boolean rising, List<FieldViolation> violations) {
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String at = field + "[" + i + "]";
            if (i == 0 && band.from() < minimumFrom) {
                violations.add(new FieldViolation(
                        at + ".from", "Min", "the first band must start at " + minimumFrom + " or more"));
            }
            if (i > 0) {
                Band previous = bands.get(i - 1);
                if (band.from() <= previous.from()) {
                    violations.add(new FieldViolation(
                            at + ".from", "Ascending", "bands must start at strictly ascending values"));
                }
                if (rising && band.points() < previous.points()) {
                    violations.add(new FieldViolation(
                            at + ".points", "NonDecreasing", "points must not fall as the count rises"));
                }
                if (!rising && band.points() > previous.points()) {
                    violations.add(new FieldViolation(
                            at + ".points", "NonIncreasing", "points must not rise as the latest incident gets older"));
                }
            }
        }
    }
}
