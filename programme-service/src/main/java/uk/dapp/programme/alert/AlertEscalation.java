package uk.dapp.programme.alert;

/**
 * How a risk alert escalated to the service managers: by hand, by a facilitator or service manager who
 * judged it urgent (who and why kept), or because its 24-hour review clock ran out (nobody, no reason).
 */
public record AlertEscalation(Way way, String by, String reason) {

    public enum Way {
        BY_HAND,
        REVIEW_CLOCK_RAN_OUT
    }

    static AlertEscalation byHand(String by, String reason) {
        return new AlertEscalation(Way.BY_HAND, by, reason);
    }

    static AlertEscalation reviewClockRanOut() {
        return new AlertEscalation(Way.REVIEW_CLOCK_RAN_OUT, null, null);
    }
}
