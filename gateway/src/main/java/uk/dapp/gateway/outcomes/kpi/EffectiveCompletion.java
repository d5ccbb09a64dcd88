package uk.dapp.gateway.outcomes.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a completion was effective, as the Essex outcome framework counts it: the perpetrator
 * completed the programme and no further domestic-abuse incident was recorded against him in the
 * follow-up window, the 12 months after the day he exited. A completion is judged only once that
 * window has passed by the snapshot, and only for a case on the risk matrix (where the police
 * incidents are recorded); until then it is not yet followed up.
 */
final class EffectiveCompletion {

    static final int FOLLOW_UP_MONTHS = 12;

    enum Verdict {
        /** Not a completion, or its window has not passed, or there are no incident records to look at. */
        NOT_FOLLOWED_UP,
        /** Followed up, with no domestic-abuse incident in the window. */
        EFFECTIVE,
        /** Followed up, with a domestic-abuse incident after the exit, within the window. */
        FURTHER_INCIDENT
    }

    private EffectiveCompletion() {}

    /**
     * @param completedOn the day of a completed exit (null when the exit was not a completion)
     * @param domesticAbuseIncidents the days of the case's domestic-abuse incidents; null when the
     *     risk matrix holds nothing on the case
     * @param snapshot the day the figures are taken
     */
    static Verdict of(LocalDate completedOn, List<LocalDate> domesticAbuseIncidents, LocalDate snapshot) {
        if (completedOn == null || domesticAbuseIncidents == null) {
            return Verdict.NOT_FOLLOWED_UP;
        }
        LocalDate windowEnd = completedOn.plusMonths(FOLLOW_UP_MONTHS);
        if (windowEnd.isAfter(snapshot)) {
            return Verdict.NOT_FOLLOWED_UP;
        }
        boolean further = domesticAbuseIncidents.stream()
                .anyMatch(day -> day != null && day.isAfter(completedOn) && !day.isAfter(windowEnd));
        return further ? Verdict.FURTHER_INCIDENT : Verdict.EFFECTIVE;
    }
}
