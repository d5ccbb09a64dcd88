package uk.dapp.programme.enrolment.web;

import java.util.UUID;
import uk.dapp.programme.api.model.GroupSummaryDto;
import uk.dapp.programme.enrolment.Group;

/** A group with its places counted, as lists show it (the group list's and my work's). */
public final class GroupMapper {

    private GroupMapper() {}

    public static GroupSummaryDto toSummary(Group group) {
        return new GroupSummaryDto()
                .groupId(UUID.fromString(group.groupId()))
                .programmeCode(group.programmeCode())
                .name(group.name())
                .startsOn(group.startsOn())
                .capacity(group.capacity())
                .enrolled(group.enrolledCount())
                .freePlaces(Math.max(0, group.capacity() - group.enrolledCount()))
                .waiting(group.waitingList().size())
                .facilitators(group.facilitators())
                .team(group.team());
    }
}
