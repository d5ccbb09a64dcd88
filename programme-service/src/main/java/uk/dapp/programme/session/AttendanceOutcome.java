package uk.dapp.programme.session;

public enum AttendanceOutcome {
    ATTENDED_COMPLIED,
    ATTENDED_FAILED_TO_COMPLY,
    ACCEPTABLE_ABSENCE,
    UNACCEPTABLE_ABSENCE;

    /** The participant was there (whether or not they complied): counts towards the required sessions. */
    public boolean attended() {
        return this == ATTENDED_COMPLIED || this == ATTENDED_FAILED_TO_COMPLY;
    }

    /**
     * Counts towards non-compliance: an unacceptable absence, and a session attended without complying
     * (he came but would not take part, or broke the group's rules). Attending is not complying.
     */
    public boolean nonCompliant() {
        return this == UNACCEPTABLE_ABSENCE || this == ATTENDED_FAILED_TO_COMPLY;
    }
}
