package uk.dapp.demo.load;

import java.time.LocalDate;
import java.util.Map;
import uk.dapp.demo.plan.ProgrammeInfo;

/**
 * What every part of one load shares: the gateway as the demo users, the counts, the day it runs
 * on and the programme catalogue as the programme service serves it.
 */
record LoadContext(Gateway gateway, Counts counts, LocalDate today, Map<String, ProgrammeInfo> catalogue) {
}
