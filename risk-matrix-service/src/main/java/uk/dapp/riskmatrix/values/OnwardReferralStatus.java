package uk.dapp.riskmatrix.values;

/** Where an onward referral stands; the moves between them are {@code OnwardReferralMachine}'s. */
public enum OnwardReferralStatus {
    MADE,
    ACCEPTED,
    DECLINED,
    COMPLETED,
    WITHDRAWN;

    /** Still waiting for an answer or in progress: followed up until it is final. */
    public boolean open() {
        return this == MADE || this == ACCEPTED;
    }
}
