package uk.dapp.programme.enrolment;

import uk.dapp.platform.problem.RuleViolationException;

/**
 * A limit on places: a group's capacity or a case manager's caseload. The stored counters are
 * changed only by conditional updates that encode {@link #hasRoom}, so the limit holds under
 * concurrent enrolments.
 */
public record Capacity(int limit) {

    public boolean hasRoom(int taken) {
        return taken < limit;
    }

    /** A group's capacity: what was asked for, at most the programme's (the programme's when not asked). */
    public static Capacity ofGroup(Integer requested, int programmeCapacity) {
        if (requested == null) {
            return new Capacity(programmeCapacity);
        }
        if (requested > programmeCapacity) {
            throw new RuleViolationException(
                    "capacity",
                    "AtMostProgrammeCapacity",
                    "a group of this programme has at most " + programmeCapacity + " places");
        }
        return new Capacity(requested);
    }
}
