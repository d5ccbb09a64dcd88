package uk.dapp.demo.load;

import java.time.LocalDate;
import java.util.Map;
import uk.dapp.demo.plan.ProgrammeInfo;

/**
 * What every part of one load shares: the gateway as the demo users, the counts, the day it runs
 * on, the programme catalogue as the programme service serves it, and the alerts escalated by hand.
 */
record LoadContext(
        Gateway gateway,
        Counts counts,
        LocalDate today,
        Map<String, ProgrammeInfo> catalogue,
        HandEscalations escalations) {

    LoadContext(Gateway gateway, Counts counts, LocalDate today, Map<String, ProgrammeInfo> catalogue) {
        this(gateway, counts, today, catalogue, new HandEscalations(gateway, counts));
    }
}
