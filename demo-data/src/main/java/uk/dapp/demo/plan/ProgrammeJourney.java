package uk.dapp.demo.plan;

/**
 * How a referral goes: the suitability path, how it ends (or that it is still running), how far
 * through the programme's sessions it got, and the side events (a facilitator's concern, a monthly
 * review). Independent of the programme: {@link Attendances} turns it into sessions for one.
 */
public record ProgrammeJourney(
        Suitability suitability,
        End end,
        double progress,
        boolean facilitatorConcern,
        boolean concernReviewed,
        boolean monthlyReview,
        long attendanceSeed) {

    public enum Suitability {
        SUITABLE,
        MOTIVATIONAL_THEN_SUITABLE,
        MOTIVATIONAL_PENDING,
        NOT_SUITABLE,
        NOT_YET_ASSESSED;

        public boolean endsSuitable() {
            return this == SUITABLE || this == MOTIVATIONAL_THEN_SUITABLE;
        }
    }

    /** The exits are the referral moves of the same name; ONGOING is still on the programme. */
    public enum End {
        ONGOING("ongoing"),
        COMPLETED("complete"),
        DROPPED_OUT("drop-out"),
        EXCLUDED("exclude"),
        BREACHED("breach"),
        TRANSFERRED("transfer");

        public final String move;

        End(String move) {
            this.move = move;
        }

        /** Exits for non-compliance come after a compliance review. */
        public boolean nonCompliance() {
            return this == EXCLUDED || this == BREACHED;
        }

        /** A breach needs a mandated referral: a voluntary one is excluded instead. */
        public End forMandate(boolean mandated) {
            return this == BREACHED && !mandated ? EXCLUDED : this;
        }
    }
}
