package uk.dapp.programme.referral;

/** Where a referral stands. Later stages (assessment, enrolment, exit) extend this machine. */
public enum ReferralStatus {
    REFERRED;

    /** Still counts as the one open referral of its case on its programme. */
    boolean isOpen() {
        return true;
    }
}
