package uk.dapp.programme.session;

/**
 * The programme's threshold of unacceptable absences opens a compliance review; after a review is
 * resolved, each further threshold's worth opens another (at 3, 6, 9... for a threshold of 3).
 */
public final class NonCompliancePolicy {

    public static boolean opensReview(int unacceptableAbsences, int threshold, int reviewsAlreadyOpened) {
        return unacceptableAbsences >= threshold * (reviewsAlreadyOpened + 1);
    }

    private NonCompliancePolicy() {
    }
}
