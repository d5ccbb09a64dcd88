package uk.dapp.web.programme.enrolment;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.CaseloadEntry;
import uk.dapp.client.programme.model.Group;

/**
 * The groups the user facilitates, with their places. The programme's API has no list of groups
 * ({@code GET /groups/{groupId}} reads one): the groups are the ones the user's caseload names
 * (it holds the participants of the groups they facilitate), so a group that nobody has joined
 * yet is not among them (a first enrolment names it by the reference its page shows).
 */
@Component
public class YourGroups {

    /** A group and its places, as the service counts them (capacity, members, waiting list). */
    public record Places(Group group) {

        public int taken() {
            return group.getMembers().size();
        }

        public int free() {
            return Math.max(0, group.getCapacity() - taken());
        }

        public int waiting() {
            return group.getWaitingList().size();
        }
    }

    private final ViewsApi views;
    private final EnrolmentApi enrolment;

    public YourGroups(ViewsApi views, EnrolmentApi enrolment) {
        this.views = views;
        this.enrolment = enrolment;
    }

    /** The user's groups, of one programme or (null) of any, soonest starting first. */
    public List<Places> of(String programmeCode) {
        return views.getCaseload().stream().map(CaseloadEntry::getGroupId).filter(Objects::nonNull).distinct()
                .map(enrolment::getGroup)
                .filter(group -> programmeCode == null || group.getProgrammeCode().equals(programmeCode))
                .sorted(Comparator.comparing(Group::getStartsOn).thenComparing(Group::getName))
                .map(Places::new).toList();
    }
}
