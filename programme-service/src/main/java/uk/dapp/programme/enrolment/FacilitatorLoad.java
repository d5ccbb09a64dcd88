package uk.dapp.programme.enrolment;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.review.ReviewSchedule;

/**
 * One facilitator's or case manager's caseload: their one-to-one participants, the participants (and
 * those waiting) in the groups they facilitate, and how many of all those have a review overdue.
 */
public record FacilitatorLoad(String facilitator, int oneToOne, int inGroups, int reviewsOverdue) {

    /** The busiest first, then by username. */
    public static final Comparator<FacilitatorLoad> LARGEST_FIRST = Comparator.comparing(
                    (FacilitatorLoad f) -> -(f.oneToOne() + f.inGroups()))
            .thenComparing(FacilitatorLoad::facilitator);

    /** Someone with no participants. */
    public static FacilitatorLoad none(String facilitator) {
        return new FacilitatorLoad(facilitator, 0, 0, 0);
    }

    /**
     * Everyone's load counted from these referrals (those being worked) and the groups they are in, by
     * username in order; a group outside {@code groups} counts for no one.
     */
    public static Map<String, FacilitatorLoad> countedFrom(
            Collection<Referral> referrals, Collection<Group> groups, Instant now) {
        Map<String, Group> byId = groups.stream().collect(Collectors.toMap(Group::groupId, Function.identity()));
        Map<String, int[]> counts = new TreeMap<>();
        for (Referral r : referrals) {
            boolean overdue = r.status().isActive() && ReviewSchedule.isOverdue(r.nextReviewDue(), now);
            if (r.caseManager() != null) {
                int[] count = counts.computeIfAbsent(r.caseManager(), f -> new int[3]);
                count[0]++;
                count[2] += overdue ? 1 : 0;
            }
            Group group = r.groupId() == null ? null : byId.get(r.groupId());
            if (group != null) {
                for (String facilitator : group.facilitators()) {
                    int[] count = counts.computeIfAbsent(facilitator, f -> new int[3]);
                    count[1]++;
                    count[2] += overdue ? 1 : 0;
                }
            }
        }
        Map<String, FacilitatorLoad> loads = new TreeMap<>();
        counts.forEach((who, count) -> loads.put(who, new FacilitatorLoad(who, count[0], count[1], count[2])));
        return loads;
    }
}
