package uk.dapp.riskmatrix.nominal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

/** An incident as an offender manager records it, with the rules the contract cannot express. */
public record NewIncident(
        LocalDate date,
        IncidentType type,
        String offenceCode,
        String victimKey,
        DashLevel dashLevel,
        boolean crime,
        Outcome outcome) {

    /** @throws RuleViolationException naming every field and rule broken; nothing is stored then */
    public void check(LocalDate today, LocalDate dateOfBirth, ReferenceData weights) {
        List<FieldViolation> violations = new ArrayList<>();
        if (date.isAfter(today)) {
            violations.add(new FieldViolation("date", "NotFuture", "an incident cannot be dated in the future"));
        } else if (date.isBefore(dateOfBirth)) {
            violations.add(new FieldViolation("date", "AfterBirth", "an incident cannot predate the nominal's birth"));
        }
        if (victimKey == null || victimKey.isBlank()) {
            violations.add(new FieldViolation("victimKey", "NotBlank", "the pseudonymous victim key is required"));
        }
        OffenceWeight offence = weights.offence(offenceCode).orElse(null);
        if (offence == null) {
            violations.add(new FieldViolation(
                    "offenceCode",
                    "KnownOffence",
                    "offence code " + offenceCode + " is not in reference data version " + weights.version()));
        } else if (offence.crime() != crime) {
            violations.add(new FieldViolation(
                    "crime",
                    "MatchesOffence",
                    "offence " + offenceCode + " is " + (offence.crime() ? "a crime" : "a non-crime incident")
                            + " in the reference data"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
