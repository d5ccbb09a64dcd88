package uk.dapp.partnersupport.marac;

/** What came of a MARAC referral. Only the first two mean the case was heard at a meeting. */
public enum MaracOutcome {
    /** Heard, with an action plan agreed (each action has an owner and a due date). */
    HEARD_ACTIONS_AGREED,
    /** Heard, and the meeting agreed no further action. */
    HEARD_NO_FURTHER_ACTION,
    /** The MARAC did not accept the referral. */
    NOT_ACCEPTED,
    /** Withdrawn before it was heard; not a previous MARAC for the repeat criterion. */
    WITHDRAWN;

    public boolean heard() {
        return this == HEARD_ACTIONS_AGREED || this == HEARD_NO_FURTHER_ACTION;
    }
}
