package uk.dapp.programme.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/** A programme of the catalogue: reference data kept by an admin. */
@Document("programmes")
public record Programme(
        @Id String code,
        String name,
        ProgrammeType type,
        int sessionCount,
        int sessionLengthMinutes,
        int durationWeeks,
        Eligibility eligibility,
        Integer groupCapacity,
        int caseloadLimit,
        int nonComplianceThreshold,
        int miSessionCap,
        @Version Long version) {

    /**
     * Rules across fields: a group programme states its group capacity and meets the Respect
     * minimums ({@link RespectMinimums}).
     */
    public Programme checked() {
        List<FieldViolation> violations = new ArrayList<>();
        if (type == ProgrammeType.GROUP && groupCapacity == null) {
            violations.add(new FieldViolation("groupCapacity", "RequiredForGroup",
                    "a group programme states how many places a group has"));
        }
        violations.addAll(RespectMinimums.check(type, sessionCount, sessionLengthMinutes, durationWeeks));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return this;
    }

    public Programme withVersion(Long newVersion) {
        return new Programme(code, name, type, sessionCount, sessionLengthMinutes, durationWeeks, eligibility,
                groupCapacity, caseloadLimit, nonComplianceThreshold, miSessionCap, newVersion);
    }
}
