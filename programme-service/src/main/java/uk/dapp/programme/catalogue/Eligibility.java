package uk.dapp.programme.catalogue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.risk.RiskLevel;

/** Who a programme accepts: sexes, a minimum age and the risk levels it works with. */
public record Eligibility(Set<Sex> sexes, int minimumAge, Set<RiskLevel> riskLevels) {

    public Eligibility {
        sexes = Set.copyOf(sexes);
        riskLevels = Set.copyOf(riskLevels);
    }

    /**
     * What stops a person being referred, by field: sex (required when the programme accepts one sex
     * only), age on {@code today} (checked when a date of birth is given), risk level.
     */
    public List<FieldViolation> check(Sex sex, LocalDate dateOfBirth, RiskLevel riskLevel, LocalDate today) {
        return check(sex, dateOfBirth, riskLevel, today, true);
    }

    /**
     * The same rules applied only to the facts given: for a referral another service opens (a risk
     * matrix ENGAGE decision), which may not know the sex; the facilitator learns it at assessment.
     */
    public List<FieldViolation> checkGiven(Sex sex, LocalDate dateOfBirth, RiskLevel riskLevel, LocalDate today) {
        return check(sex, dateOfBirth, riskLevel, today, false);
    }

    /**
     * Whether the person, as the programme knows them now, is one it takes: the sex (required when the
     * programme takes one sex only) and the age; checked again at assessment and at enrolment, since a
     * referral from the risk matrix may have arrived without the sex, and the person's recorded identity
     * may have been corrected since the referral.
     */
    public List<FieldViolation> checkPerson(Sex sex, LocalDate dateOfBirth, LocalDate today) {
        return check(sex, dateOfBirth, null, today, true);
    }

    private List<FieldViolation> check(
            Sex sex, LocalDate dateOfBirth, RiskLevel riskLevel, LocalDate today, boolean sexRequired) {
        List<FieldViolation> violations = new ArrayList<>();
        if (sex == null && sexRequired && sexes.size() < Sex.values().length) {
            violations.add(new FieldViolation(
                    "sex", "RequiredByProgramme", "this programme accepts " + sexes + " only: state the sex"));
        } else if (sex != null && !sexes.contains(sex)) {
            violations.add(new FieldViolation("sex", "Eligibility", "this programme accepts " + sexes + " only"));
        }
        if (dateOfBirth != null) {
            if (dateOfBirth.isAfter(today)) {
                violations.add(new FieldViolation("dateOfBirth", "Past", "the date of birth is in the future"));
            } else if (Period.between(dateOfBirth, today).getYears() < minimumAge) {
                violations.add(new FieldViolation(
                        "dateOfBirth", "MinimumAge", "this programme accepts people aged " + minimumAge + " or over"));
            }
        }
        if (riskLevel != null && !riskLevels.contains(riskLevel)) {
            violations.add(new FieldViolation(
                    "riskLevel", "Eligibility", "this programme works with risk levels " + riskLevels + " only"));
        }
        return violations;
    }
}
