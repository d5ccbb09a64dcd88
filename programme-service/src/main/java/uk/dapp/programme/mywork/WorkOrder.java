package uk.dapp.programme.mywork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import uk.dapp.programme.mywork.ProgrammeWork.CaseloadItem;
import uk.dapp.programme.mywork.ProgrammeWork.GroupLoad;

/**
 * What comes first in each list of a practitioner's work (plain Java): what is overdue, then what is
 * due soonest; and which week "this week" is.
 */
public final class WorkOrder {

    /** The UK's clock, for "this week". */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private WorkOrder() {}

    /** An overdue alert first, then an overdue review, then the soonest next contact (none last), then the case ID. */
    public static final Comparator<CaseloadItem> CASELOAD = Comparator.comparing(
                    (CaseloadItem item) -> item.overdueAlerts() == 0)
            .thenComparing(item -> !item.reviewOverdue())
            .thenComparing(item -> item.nextContactAt().orElse(Instant.MAX))
            .thenComparing(item -> item.referral().caseId());

    /** Groups with people waiting first (most waiting first), then the fullest, then the soonest start. */
    public static final Comparator<GroupLoad> GROUPS = Comparator.comparing((GroupLoad g) -> -g.waiting())
            .thenComparing(GroupLoad::freePlaces)
            .thenComparing(g -> g.group().startsOn())
            .thenComparing(g -> g.group().groupId());

    /** Monday 00:00 of the UK week holding {@code now}. */
    public static Instant weekStart(Instant now) {
        LocalDate monday =
                now.atZone(UK).toLocalDate().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return monday.atStartOfDay(UK).toInstant();
    }

    /** The Monday 00:00 after the UK week holding {@code now}. */
    public static Instant weekEnd(Instant now) {
        return weekStart(now).atZone(UK).plusWeeks(1).toInstant();
    }
}
