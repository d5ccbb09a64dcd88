package uk.dapp.programme.session;

/**
 * The programme's threshold of non-compliant sessions (unacceptable absences and sessions attended
 * without complying, {@link AttendanceOutcome#nonCompliant}) opens a compliance review; after a review
 * is resolved, each further threshold's worth opens another (at 3, 6, 9... for a threshold of 3).
 */
public final class NonCompliancePolicy {

    public static boolean opensReview(int nonCompliantSessions, int threshold, int reviewsAlreadyOpened) {
        return nonCompliantSessions >= threshold * (reviewsAlreadyOpened + 1);
    }

    private NonCompliancePolicy() {}
}
