package uk.dapp.partnersupport.marac;

import java.time.LocalDate;

/** A MARAC referral with no outcome past its due date, for the worker's list. */
record OverdueMaracReferral(
        String maracReferralId,
        String trackId,
        String caseId,
        LocalDate referredOn,
        LocalDate meetingDueBy,
        LocalDate meetingOn,
        int daysSinceReferral,
        String allocatedWorker) {}
