package uk.dapp.partnersupport.mywork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import uk.dapp.partnersupport.marac.MaracReferral;
import uk.dapp.partnersupport.mywork.TrackDueRules.Due;
import uk.dapp.partnersupport.safetyplan.SafetyPlan;
import uk.dapp.partnersupport.track.ExitContactPrompt;
import uk.dapp.partnersupport.track.PartnerTrack;

/** A partner support worker's work (issue 16 item 6): each list's total, overdue count and first items. */
public record PartnerSupportWork(
        Instant asOf,
        Section<TrackDue> myTracks,
        Section<PartnerTrack> unallocated,
        Section<FirstContact> firstContacts,
        Section<ExitContactPrompt> exitContactPrompts,
        Section<PlanReview> safetyPlanReviews,
        Section<MaracMeeting> maracMeetings) {

    /**
     * An open MARAC referral of an open track: the meeting date (absent while none is set), the date the
     * 14-day standard asks for, whether it is past that with no outcome, and whether the meeting is near.
     */
    public record MaracMeeting(
            MaracReferral referral, PartnerTrack track, LocalDate meetingDueBy, boolean overdue, boolean near) {

        /** The day it falls due: the meeting, or the standard's date while no meeting is set. */
        public LocalDate dueOn() {
            return referral.meetingOn() != null ? referral.meetingOn() : meetingDueBy;
        }
    }

    /** An open track and what falls due on it next, with the working days to it (negative once overdue). */
    public record TrackDue(PartnerTrack track, Optional<Due> due, int workingDays, boolean overdue) {}

    /** A first contact not yet attempted, with the working days left (negative once overdue). */
    public record FirstContact(PartnerTrack track, int workingDays, boolean overdue) {}

    /** A safety plan of an open track due for review. */
    public record PlanReview(SafetyPlan plan, PartnerTrack track, boolean overdue) {}

    /** One list: how many in all, how many overdue, and the first few, in the order given. */
    public record Section<T>(int total, int overdue, List<T> items) {

        static <T> Section<T> of(List<T> sorted, Predicate<T> overdue, int limit) {
            return new Section<>(
                    sorted.size(),
                    (int) sorted.stream().filter(overdue).count(),
                    sorted.stream().limit(limit).toList());
        }
    }
}
