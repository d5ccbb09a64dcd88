package uk.dapp.riskmatrix.nominal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.riskmatrix.values.Sex;

/** What an offender manager gives to register a nominal, with the rules the contract cannot express. */
public record NominalRegistration(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String policeId,
        String probationId,
        String area,
        Sex sex) {

    /** The age of criminal responsibility in England and Wales. */
    static final int MINIMUM_AGE = 10;

    /** @throws RuleViolationException naming every field that breaks a rule */
    void check(LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!dateOfBirth.isBefore(today)) {
            violations.add(new FieldViolation("dateOfBirth", "Past", "the date of birth must be in the past"));
        } else if (Period.between(dateOfBirth, today).getYears() < MINIMUM_AGE) {
            violations.add(new FieldViolation(
                    "dateOfBirth", "MinimumAge", "a nominal must be at least " + MINIMUM_AGE + " years old"));
        }
        if (givenName.isBlank()) {
            violations.add(new FieldViolation("givenName", "NotBlank", "the given name must not be blank"));
        }
        if (familyName.isBlank()) {
            violations.add(new FieldViolation("familyName", "NotBlank", "the family name must not be blank"));
        }
        if (area.isBlank()) {
            violations.add(new FieldViolation("area", "NotBlank", "the area must not be blank"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
