package uk.dapp.web.partnersupport.work;

import java.util.List;
import java.util.function.Function;
import uk.dapp.client.partnersupport.model.ExitContactPrompt;
import uk.dapp.client.partnersupport.model.MaracMeetingDue;
import uk.dapp.client.partnersupport.model.OverdueFirstContact;
import uk.dapp.client.partnersupport.model.OverdueSafetyPlanReview;
import uk.dapp.client.partnersupport.model.UnallocatedTrack;

/**
 * The work page's view model: the service's lists in its order (earliest due first), and who is
 * signed in, so that a row allocated to them reads "You". With {@code mine}, only their rows of the
 * three lists that name a worker; the tracks waiting for a worker are everyone's to pick up.
 */
public record WorkPage(
        String username,
        boolean mine,
        List<UnallocatedTrack> unallocated,
        List<OverdueFirstContact> overdueFirstContacts,
        List<ExitContactPrompt> exitContactPrompts,
        List<OverdueSafetyPlanReview> overdueReviews,
        List<MaracMeetingDue> maracMeetings) {

    static WorkPage of(
            String username,
            boolean mine,
            List<UnallocatedTrack> unallocated,
            List<OverdueFirstContact> overdue,
            List<ExitContactPrompt> prompts,
            List<OverdueSafetyPlanReview> reviews,
            List<MaracMeetingDue> meetings) {
        return new WorkPage(
                username,
                mine,
                unallocated,
                only(mine, username, overdue, OverdueFirstContact::getAllocatedWorker),
                only(mine, username, prompts, ExitContactPrompt::getAllocatedWorker),
                only(mine, username, reviews, OverdueSafetyPlanReview::getAllocatedWorker),
                only(mine, username, meetings, MaracMeetingDue::getAllocatedWorker));
    }

    private static <T> List<T> only(boolean mine, String username, List<T> rows, Function<T, String> worker) {
        return mine
                ? rows.stream()
                        .filter(row -> username.equals(worker.apply(row)))
                        .toList()
                : rows;
    }

    /** "You", the worker's username, or "Not allocated". */
    public String who(String allocatedWorker) {
        if (allocatedWorker == null) {
            return "Not allocated";
        }
        return allocatedWorker.equals(username) ? "You" : allocatedWorker;
    }

    public boolean nothingToDo() {
        return unallocated.isEmpty()
                && overdueFirstContacts.isEmpty()
                && exitContactPrompts.isEmpty()
                && overdueReviews.isEmpty()
                && maracMeetings.isEmpty();
    }
}
