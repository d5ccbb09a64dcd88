package uk.dapp.programme.enrolment.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.programme.api.EnrolmentApi;
import uk.dapp.programme.api.model.EnrolmentCreateDto;
import uk.dapp.programme.api.model.GroupCreateDto;
import uk.dapp.programme.api.model.GroupDto;
import uk.dapp.programme.api.model.ReferralDto;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.referral.web.ReferralMapper;

@RestController
class EnrolmentController implements EnrolmentApi {

    private final EnrolmentService service;
    private final ReferralMapper referrals;

    EnrolmentController(EnrolmentService service, ReferralMapper referrals) {
        this.service = service;
        this.referrals = referrals;
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<GroupDto> createGroup(GroupCreateDto body) {
        Group group = service.createGroup(body.getProgrammeCode(), body.getName(), body.getStartsOn(),
                body.getCapacity(), body.getFacilitators(), body.getTeam());
        return ResponseEntity.created(URI.create("/groups/" + group.groupId())).body(toDto(group));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<GroupDto> getGroup(UUID groupId) {
        return ResponseEntity.ok(toDto(service.getGroup(groupId.toString())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ReferralDto> enrol(UUID referralId, EnrolmentCreateDto body) {
        return ResponseEntity.ok(referrals.toDto(service.enrol(referralId.toString(),
                body.getGroupId() == null ? null : body.getGroupId().toString(), body.getCaseManager())));
    }

    static GroupDto toDto(Group group) {
        return new GroupDto()
                .groupId(UUID.fromString(group.groupId()))
                .programmeCode(group.programmeCode())
                .name(group.name())
                .startsOn(group.startsOn())
                .capacity(group.capacity())
                .members(group.members().stream().map(UUID::fromString).toList())
                .waitingList(group.waitingList().stream().map(UUID::fromString).toList())
                .facilitators(group.facilitators())
                .team(group.team());
    }
}
