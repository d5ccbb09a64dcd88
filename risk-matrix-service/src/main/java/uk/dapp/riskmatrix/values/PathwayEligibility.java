package uk.dapp.riskmatrix.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.dapp.platform.risk.RiskLevel;

/**
 * Who the programme a pathway refers into takes, as programme-service last told the risk matrix: the
 * same rules as the programme's own check of a referral from the matrix, applied to the facts known
 * (an unrecorded sex or date of birth refuses nothing: the programme checks them at assessment).
 */
public record PathwayEligibility(
        String programmeCode, String programmeName, Set<Sex> sexes, int minimumAge, Set<RiskLevel> riskLevels) {

    public PathwayEligibility {
        sexes = Set.copyOf(sexes);
        riskLevels = Set.copyOf(riskLevels);
    }

    /** Why the programme would refuse this person, in words; empty when it takes them on the facts known. */
    public List<String> refusals(Sex sex, Integer age, RiskLevel riskLevel) {
        List<String> why = new ArrayList<>();
        if (sex != null && !sexes.contains(sex)) {
            why.add("takes " + words(sexes) + " only");
        }
        if (age != null && age < minimumAge) {
            why.add("takes people aged " + minimumAge + " or over");
        }
        if (riskLevel != null && !riskLevels.contains(riskLevel)) {
            why.add("takes risk levels " + riskLevels.stream().sorted().toList() + " only, and a referral would go at "
                    + riskLevel);
        }
        return List.copyOf(why);
    }

    /** Whether it takes one sex only, so an unrecorded sex leaves the question to the programme. */
    public boolean oneSexOnly() {
        return sexes.size() < Sex.values().length;
    }

    private static String words(Set<Sex> sexes) {
        return sexes.size() > 1 ? "men and women" : sexes.contains(Sex.MALE) ? "men" : "women";
    }
}
