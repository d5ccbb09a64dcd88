package uk.dapp.programme.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands; the moves between statuses are declared in {@link ReferralMachine}. */
public enum ReferralStatus {
    REFERRED, MOTIVATIONAL_WORK, SUITABLE, NOT_SUITABLE, WAITING_LIST, ENROLLED, ON_PROGRAMME,
    COMPLIANCE_REVIEW, COMPLETED, DROPPED_OUT, EXCLUDED, TRANSFERRED, BREACHED, WITHDRAWN;

    /** Enrolled and working the programme: sessions, reviews and alerts apply. */
    public static final Set<ReferralStatus> ACTIVE = EnumSet.of(ENROLLED, ON_PROGRAMME, COMPLIANCE_REVIEW);

    /** Still counts as the one open referral of its case on its programme. */
    public boolean isOpen() {
        return !EnumSet.of(NOT_SUITABLE, COMPLETED, DROPPED_OUT, EXCLUDED, TRANSFERRED, BREACHED, WITHDRAWN)
                .contains(this);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
