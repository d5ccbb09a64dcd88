package uk.dapp.programme.referral;

import static uk.dapp.programme.referral.ReferralStatus.BREACHED;
import static uk.dapp.programme.referral.ReferralStatus.COMPLETED;
import static uk.dapp.programme.referral.ReferralStatus.COMPLIANCE_REVIEW;
import static uk.dapp.programme.referral.ReferralStatus.DROPPED_OUT;
import static uk.dapp.programme.referral.ReferralStatus.ENROLLED;
import static uk.dapp.programme.referral.ReferralStatus.EXCLUDED;
import static uk.dapp.programme.referral.ReferralStatus.MOTIVATIONAL_WORK;
import static uk.dapp.programme.referral.ReferralStatus.NOT_SUITABLE;
import static uk.dapp.programme.referral.ReferralStatus.ON_PROGRAMME;
import static uk.dapp.programme.referral.ReferralStatus.REFERRED;
import static uk.dapp.programme.referral.ReferralStatus.SUITABLE;
import static uk.dapp.programme.referral.ReferralStatus.TRANSFERRED;
import static uk.dapp.programme.referral.ReferralStatus.WAITING_LIST;
import static uk.dapp.programme.referral.ReferralStatus.WITHDRAWN;

import java.util.Map;
import java.util.Set;
import uk.dapp.platform.status.StatusMachine;

/**
 * The referral status machine, declared once (docs/architecture.md). The table in the contract's
 * description is held to this declaration by a test. System moves are made by the service when an
 * assessment, an enrolment or an attendance is recorded; people ask for the others.
 */
public final class ReferralMachine {

    public static final String ASSESSED_SUITABLE = "assessed-suitable";
    public static final String ASSESSED_MOTIVATIONAL_WORK = "assessed-motivational-work";
    public static final String ASSESSED_NOT_SUITABLE = "assessed-not-suitable";
    public static final String ENROL = "enrolled";
    public static final String WAIT_LIST = "wait-listed";
    public static final String FIRST_ATTENDANCE = "first-attendance";
    public static final String NON_COMPLIANCE = "non-compliance";
    public static final String WITHDRAW = "withdraw";
    public static final String RESUME = "resume";
    public static final String COMPLETE = "complete";
    public static final String DROP_OUT = "drop-out";
    public static final String EXCLUDE = "exclude";
    public static final String TRANSFER = "transfer";
    public static final String BREACH = "breach";

    /** Moves that end the programme: each needs a reason and an outcome record. */
    public static final Set<String> EXITS = Set.of(COMPLETE, DROP_OUT, EXCLUDE, TRANSFER, BREACH);

    public static final StatusMachine<ReferralStatus> MACHINE = build();

    private static StatusMachine<ReferralStatus> build() {
        StatusMachine.Builder<ReferralStatus> b = StatusMachine.of("referral", ReferralStatus.class);
        for (ReferralStatus assessable : new ReferralStatus[] {REFERRED, MOTIVATIONAL_WORK}) {
            b.system(assessable, ASSESSED_SUITABLE, SUITABLE)
                    .system(assessable, ASSESSED_MOTIVATIONAL_WORK, MOTIVATIONAL_WORK)
                    .system(assessable, ASSESSED_NOT_SUITABLE, NOT_SUITABLE)
                    .allow(assessable, WITHDRAW, WITHDRAWN);
        }
        b.system(SUITABLE, ENROL, ENROLLED)
                .system(SUITABLE, WAIT_LIST, WAITING_LIST)
                .allow(SUITABLE, WITHDRAW, WITHDRAWN);
        b.system(WAITING_LIST, ENROL, ENROLLED).allow(WAITING_LIST, WITHDRAW, WITHDRAWN);
        b.system(ENROLLED, FIRST_ATTENDANCE, ON_PROGRAMME).system(ENROLLED, NON_COMPLIANCE, COMPLIANCE_REVIEW);
        exits(b, ENROLLED);
        b.system(ON_PROGRAMME, NON_COMPLIANCE, COMPLIANCE_REVIEW).allow(ON_PROGRAMME, COMPLETE, COMPLETED);
        exits(b, ON_PROGRAMME);
        b.allow(COMPLIANCE_REVIEW, RESUME, ON_PROGRAMME);
        exits(b, COMPLIANCE_REVIEW);
        return b.build();
    }

    private static void exits(StatusMachine.Builder<ReferralStatus> b, ReferralStatus from) {
        for (Map.Entry<String, ReferralStatus> exit : Map.of(
                        DROP_OUT, DROPPED_OUT, EXCLUDE, EXCLUDED, TRANSFER, TRANSFERRED, BREACH, BREACHED)
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            b.allow(from, exit.getKey(), exit.getValue());
        }
    }

    private ReferralMachine() {}
}
