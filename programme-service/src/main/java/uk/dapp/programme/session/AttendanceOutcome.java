package uk.dapp.programme.session;

public enum AttendanceOutcome {
    ATTENDED_COMPLIED, ATTENDED_FAILED_TO_COMPLY, ACCEPTABLE_ABSENCE, UNACCEPTABLE_ABSENCE;

    /** The participant was there (whether or not they complied): counts towards the required sessions. */
    public boolean attended() {
        return this == ATTENDED_COMPLIED || this == ATTENDED_FAILED_TO_COMPLY;
    }
}
