package uk.dapp.programme.catalogue;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.problem.FieldViolation;

/**
 * The Respect Standard's minimum dose for a group behaviour-change programme: at least 22 weeks,
 * and at least 60 hours of group work (sessions times their length). In this catalogue every GROUP
 * programme is group behaviour-change work, so each is held to both; one-to-one case management
 * (Drive style) is not a group programme and has no such minimum. Plain rules: the catalogue asks
 * them on every create and every replacement.
 */
public final class RespectMinimums {

    public static final int MINIMUM_WEEKS = 22;
    public static final int MINIMUM_GROUP_HOURS = 60;
    static final String WEEKS_RULE = "RespectMinimumWeeks";
    static final String HOURS_RULE = "RespectMinimumHours";

    private RespectMinimums() {}

    /** What falls short of the minimums, by field; empty when the programme meets them or is not group work. */
    public static List<FieldViolation> check(
            ProgrammeType type, int sessionCount, int sessionLengthMinutes, int durationWeeks) {
        List<FieldViolation> violations = new ArrayList<>();
        if (type != ProgrammeType.GROUP) {
            return violations;
        }
        if (durationWeeks < MINIMUM_WEEKS) {
            violations.add(new FieldViolation(
                    "durationWeeks",
                    WEEKS_RULE,
                    "the Respect Standard asks a group "
                            + "behaviour-change programme to run at least " + MINIMUM_WEEKS + " weeks; this one runs "
                            + durationWeeks));
        }
        long minutes = (long) sessionCount * sessionLengthMinutes;
        if (minutes < MINIMUM_GROUP_HOURS * 60L) {
            violations.add(new FieldViolation(
                    "sessionCount",
                    HOURS_RULE,
                    "the Respect Standard asks a group "
                            + "behaviour-change programme for at least " + MINIMUM_GROUP_HOURS
                            + " hours of group work; "
                            + sessionCount + " sessions of " + sessionLengthMinutes + " minutes is " + hours(minutes)));
        }
        return violations;
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " hours" : minutes / 60 + " hours " + minutes % 60 + " minutes";
    }
}
