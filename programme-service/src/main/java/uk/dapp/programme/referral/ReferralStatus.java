package uk.dapp.programme.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where a referral stands; the moves between statuses are declared in {@link ReferralMachine}. */
public enum ReferralStatus {
    REFERRED,
    MOTIVATIONAL_WORK,
    SUITABLE,
    NOT_SUITABLE,
    WAITING_LIST,
    ENROLLED,
    ON_PROGRAMME,
    COMPLIANCE_REVIEW,
    COMPLETED,
    DROPPED_OUT,
    EXCLUDED,
    TRANSFERRED,
    BREACHED,
    WITHDRAWN;

    /** Enrolled and working the programme: sessions, reviews and alerts apply. */
    public static final Set<ReferralStatus> ACTIVE = EnumSet.of(ENROLLED, ON_PROGRAMME, COMPLIANCE_REVIEW);

    /** On someone's caseload: active, or waiting for a place in a group (counted in its facilitators' loads). */
    public static final Set<ReferralStatus> ON_A_CASELOAD =
            EnumSet.of(WAITING_LIST, ENROLLED, ON_PROGRAMME, COMPLIANCE_REVIEW);

    /**
     * Ends of a programme partner support is told of (the contract's exit statuses): the exits, and a
     * withdrawal, after which the partner is no longer waiting for a programme to start. Not suitable
     * is not among them: the contract has no such exit status (the referral goes on to other work).
     */
    public static final Set<ReferralStatus> EXITS =
            EnumSet.of(COMPLETED, DROPPED_OUT, EXCLUDED, TRANSFERRED, BREACHED, WITHDRAWN);

    /** Exits for non-compliance: the nominal goes back to the risk matrix as a failed engagement. */
    public static final Set<ReferralStatus> NON_COMPLIANCE_EXITS = EnumSet.of(DROPPED_OUT, EXCLUDED, BREACHED);

    /** The names of {@link #ON_A_CASELOAD}, as the store keeps them. */
    public static List<String> onACaseload() {
        return ON_A_CASELOAD.stream().map(Enum::name).toList();
    }

    /** Still counts as the one open referral of its case on its programme. */
    public boolean isOpen() {
        return !EnumSet.of(NOT_SUITABLE, COMPLETED, DROPPED_OUT, EXCLUDED, TRANSFERRED, BREACHED, WITHDRAWN)
                .contains(this);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean isNonComplianceExit() {
        return NON_COMPLIANCE_EXITS.contains(this);
    }
}
