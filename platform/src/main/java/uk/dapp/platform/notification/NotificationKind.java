package uk.dapp.platform.notification;

/**
 * What happened that needs a person (common.yaml NotificationKind): what it is about, what the
 * recipient is asked to do, and whether it is urgent enough to be emailed as well (ADR 0016). The
 * sentence names nothing but the case, which the notification carries beside it.
 */
public enum NotificationKind {
    REROUTING_NEEDED(
            Subject.NOMINAL,
            false,
            "Make a new routing decision: the nominal is back from a programme (an exit for non-compliance, or"
                    + " assessed not suitable and returned for disruption)."),
    REFERRAL_REFUSED(
            Subject.NOMINAL,
            false,
            "Make a new routing decision: a programme refused the referral; its reason is in the routing history."),
    REFERRAL_NOT_SUITABLE(
            Subject.REFERRAL, false, "Read the assessment: the referral was found not suitable, with an onward route."),
    RISK_ALERT_RAISED(Subject.RISK_ALERT, true, "Review the risk alert within 24 hours of its arrival."),
    RISK_ALERT_ESCALATED(
            Subject.RISK_ALERT,
            true,
            "Review the risk alert now: it was escalated as urgent, or not reviewed within 24 hours."),
    COMPLIANCE_REVIEW_DUE(
            Subject.REFERRAL,
            true,
            "Hold a compliance review: unacceptable absences reached the programme's threshold."),
    CASE_REALLOCATED(Subject.REFERRAL, false, "Read the case and plan the next contact: it was reallocated to you."),
    EXIT_CONTACT_DUE(Subject.PARTNER_TRACK, true, "Contact the partner: the programme has ended for this case."),
    MARAC_NEAR(
            Subject.PARTNER_TRACK,
            false,
            "Prepare for the MARAC: the partner's case is heard within the next working days.");

    /** What a notification is about, found by its subject ID in the service that raised it. */
    public enum Subject {
        NOMINAL,
        REFERRAL,
        RISK_ALERT,
        PARTNER_TRACK
    }

    private final Subject subject;
    private final boolean urgent;
    private final String whatToDo;

    NotificationKind(Subject subject, boolean urgent, String whatToDo) {
        this.subject = subject;
        this.urgent = urgent;
        this.whatToDo = whatToDo;
    }

    public Subject subject() {
        return subject;
    }

    /** Also emailed to each recipient through GOV.UK Notify. */
    public boolean urgent() {
        return urgent;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
