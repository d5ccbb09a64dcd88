package uk.dapp.demo.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The attendance marks of one referral on one programme, from its journey: completers attend every
 * required session (with the odd absence or session attended without complying, never reaching the
 * non-compliance threshold); exits for non-compliance reach the threshold, which opens the compliance review;
 * everyone else stops part-way, below the threshold.
 */
public final class Attendances {

    public enum Mark {
        ATTENDED_COMPLIED,
        ATTENDED_FAILED_TO_COMPLY,
        ACCEPTABLE_ABSENCE,
        UNACCEPTABLE_ABSENCE;

        public boolean attended() {
            return this == ATTENDED_COMPLIED || this == ATTENDED_FAILED_TO_COMPLY;
        }

        /** What the programme's non-compliance threshold counts (attending is not complying). */
        public boolean nonCompliant() {
            return this == UNACCEPTABLE_ABSENCE || this == ATTENDED_FAILED_TO_COMPLY;
        }
    }

    private Attendances() {}

    public static List<Mark> expand(ProgrammeJourney journey, ProgrammeInfo programme, boolean mandated) {
        ProgrammeJourney.End end = journey.end().forMandate(mandated);
        SplittableRandom random = new SplittableRandom(journey.attendanceSeed());
        int required = programme.sessionCount();
        int threshold = programme.nonComplianceThreshold();
        List<Mark> marks = new ArrayList<>();
        // unacceptable absences and sessions attended without complying both count toward the threshold
        int nonCompliant = 0;
        if (end == ProgrammeJourney.End.COMPLETED) {
            int attended = 0;
            while (attended < required) {
                Mark mark = markFor(random.nextInt(20), nonCompliant < threshold - 1);
                marks.add(mark);
                if (mark.nonCompliant()) {
                    nonCompliant++;
                }
                if (mark.attended()) {
                    attended++;
                }
            }
            return List.copyOf(marks);
        }
        // part-way: at least one session, always short of the required number
        int sessions = Math.max(1, Math.min(required - 1, (int) Math.round(journey.progress() * required)));
        for (int i = 0; i < sessions; i++) {
            Mark mark = markFor(random.nextInt(10), nonCompliant < threshold - 1);
            marks.add(mark);
            if (mark.nonCompliant()) {
                nonCompliant++;
            }
        }
        if (end.nonCompliance()) {
            while (nonCompliant < threshold) {
                marks.add(Mark.UNACCEPTABLE_ABSENCE);
                nonCompliant++;
            }
        }
        return List.copyOf(marks);
    }

    /**
     * A session's mark from its roll: 0 an unacceptable absence and 2 attended without complying, while one
     * more non-compliant session is allowed; 1 an acceptable absence; anything else attended and complied.
     */
    private static Mark markFor(int roll, boolean nonComplianceAllowed) {
        if (roll == 0 && nonComplianceAllowed) {
            return Mark.UNACCEPTABLE_ABSENCE;
        }
        if (roll == 1) {
            return Mark.ACCEPTABLE_ABSENCE;
        }
        return roll == 2 && nonComplianceAllowed ? Mark.ATTENDED_FAILED_TO_COMPLY : Mark.ATTENDED_COMPLIED;
    }
}
